// v1.x servers (one database, /v1/query for everything) and v2.x servers (sources, /v2/query, /v1/metadata).
export type ServerGeneration = 'v1' | 'v2'
