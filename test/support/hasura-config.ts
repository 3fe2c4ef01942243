// A ProjectConfig pointing at a Hasura endpoint, as loadProjectConfig would resolve it.
import type { ProjectConfig } from '../../src/project/config.js'

export function hasuraConfig(
  endpoint: string,
  adminSecret?: string,
  extra: Partial<ProjectConfig> = {},
): ProjectConfig {
  return {
    configFile: 'config.yaml',
    version: 2,
    endpoint,
    adminSecret,
    secrets: adminSecret ? [adminSecret] : [],
    metadataFile: undefined,
    metadataDirectory: 'metadata',
    migrationsDirectory: 'migrations',
    apiPaths: { query: 'v1/query', v2Query: 'v2/query', v1Metadata: 'v1/metadata', version: 'v1/version' },
    insecureSkipTlsVerify: false,
    certificateAuthority: undefined,
    ...extra,
  }
}
