// A ProjectFiles over an object literal, for loaders that only read: { 'metadata/tables.yaml': '[]' }.
import type { ProjectFiles } from '../../src/project/files.js'

export function memoryFiles(files: Readonly<Record<string, string>>): ProjectFiles {
  return {
    origin: 'memory',
    listFiles: async (dir) =>
      Object.keys(files)
        .filter((path) => path.startsWith(`${dir}/`))
        .sort(),
    readText: async (path) => (Object.hasOwn(files, path) ? files[path] : undefined),
  }
}
