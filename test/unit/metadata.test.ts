import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ProjectFiles } from '../../src/project/files.js'
import { workspaceFiles } from '../../src/project/files.js'
import { metadataForServer } from '../../src/metadata/apply.js'
import { assembleMetadata, type MetadataV2 } from '../../src/metadata/assemble.js'
import { readTree } from '../support/fs-tree.js'
import { memoryFiles } from '../support/memory-files.js'
import { hasTestdata, testdataPath } from '../support/testdata.js'

const golden = testdataPath('cli-golden')
const projects = testdataPath('hasura-projects')
const noTestdata = !hasTestdata
const skipReason =
  'needs ../shared/testdata (the Hasura CLI fixtures and real projects), absent in this clone'

/** Every file of a fixture folder, plus `extra` (inputs the fixture could not recover). */
function fixture(folder: string, extra: Record<string, string> = {}): ProjectFiles {
  return memoryFiles({ ...readTree(join(golden, folder)), ...extra })
}

const readGolden = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(golden, path), 'utf8')) as Record<string, unknown>
const goldenText = (path: string): string => readFileSync(join(golden, path), 'utf8')

async function assembleFrom(files: Record<string, string>): Promise<MetadataV2> {
  return assembleMetadata(memoryFiles(files), 'metadata')
}

describe.skipIf(noTestdata)(`Hasura CLI golden fixtures (${skipReason})`, () => {
  it('builds the whole config v2 directory into the object the CLI sends', async () => {
    // version.yaml, functions.yaml and allow_list.yaml were not recoverable; want.json states their content.
    const files = fixture('projectmetadata__test-gen-metadata-from-map__t2', {
      'metadata/version.yaml': 'version: 2\n',
      'metadata/functions.yaml': '- function:\n    schema: public\n    name: search_albums\n',
      'metadata/allow_list.yaml': '- collection: allowed-queries\n',
    })
    const metadata = await assembleMetadata(files, 'metadata')
    expect(metadata).toEqual(readGolden('projectmetadata__test-gen-metadata-from-map__t2/want.json'))
  })

  it.each(['actions__build__t1__old', 'actions__build__t1__new'])(
    'merges actions.yaml with the SDL as the CLI does (%s)',
    async (folder) => {
      // The fixture's actions.graphql was deduplicated away; the export test's SDL is its twin.
      const sdl = goldenText('actions__export__t1__pkg/want.actions.graphql')
      const metadata = await assembleMetadata(
        fixture(folder, { 'metadata/actions.graphql': sdl }),
        'metadata',
      )
      expect({ actions: metadata.actions, custom_types: metadata.custom_types }).toEqual(
        readGolden(`${folder}/want.json`),
      )
    },
  )

  it.each([
    ['metadataobject__cron_triggers__build_test__t1', 'cron_triggers'],
    ['metadataobject__functions__build_test__t1', 'functions'],
    ['metadataobject__network__build_test__t1', 'network'],
    ['metadataobject__querycollections__build_test__t1', 'query_collections'],
    ['metadataobject__remoteschemas__build_test__t4', 'remote_schemas'],
  ])('builds %s into the same %s section', async (folder, key) => {
    const metadata = await assembleMetadata(fixture(folder), 'metadata')
    expect({ [key]: metadata[key] }).toEqual(readGolden(`${folder}/want.golden.json`))
  })

  it('builds tables.yaml (input recovered from the export fixture) into the golden tables', async () => {
    const tables = goldenText('metadataobject__tables__export_test__t1/want.tables.yaml')
    const metadata = await assembleFrom({ 'metadata/tables.yaml': tables })
    expect({ tables: metadata.tables }).toEqual(
      readGolden('metadataobject__tables__build_test__t1/want.golden.json'),
    )
  })

  it('builds allow_list.yaml into the golden allowlist', async () => {
    const metadata = await assembleFrom({ 'metadata/allow_list.yaml': '- collection: allowed-queries\n' })
    expect({ allowlist: metadata.allowlist }).toEqual(
      readGolden('metadataobject__allowlist__build_test__t1/want.golden.json'),
    )
  })

  it.each([
    ['metadataobject__cron_triggers__build_test__t2', 'cron_triggers', 'cron_triggers.yaml'],
    ['metadataobject__functions__build_test__t2', 'functions', 'functions.yaml'],
    ['metadataobject__querycollections__build_test__t2', 'query_collections', 'query_collections.yaml'],
    ['metadataobject__remoteschemas__build_test__t2', 'remote_schemas', 'remote_schemas.yaml'],
  ])('an empty %s file is an empty %s section', async (folder, key, file) => {
    const want = readGolden(`${folder}/want.golden.json`)
    for (const text of ['[]\n', '', '# nothing yet\n']) {
      const metadata = await assembleFrom({ [`metadata/${file}`]: text })
      // Left out rather than [] (see metadata.ts): the server reads both as "none".
      expect(metadata[key] ?? []).toEqual(want[key])
      expect(metadata).not.toHaveProperty(key)
    }
  })

  it('takes version.yaml as written, but sends version 2 to a v2.x server', async () => {
    const metadata = await assembleFrom({ 'metadata/version.yaml': 'version: 3\n' })
    expect({ version: metadata.version }).toEqual(
      readGolden('metadataobject__version__build_test__t1/want.golden.json'),
    )
    expect({ version: metadataForServer(metadata, 'v2').version }).toEqual(
      readGolden('metadataobject__version__v3_metadata_v2_config_build_test__t1/want.golden.json'),
    )
  })

  it('builds the old CLI/Console SDL layout into what the server stores', async () => {
    const files = fixture('integration_test__incomplete_metadata__t2', {
      'metadata/actions.yaml': [
        'actions:',
        '- name: actionName',
        '  definition: {kind: synchronous, handler: "http://localhost:3000"}',
        'custom_types: {input_objects: [{name: SampleInput}], objects: [{name: SampleOutput}]}',
      ].join('\n'),
    })
    const metadata = await assembleMetadata(files, 'metadata')
    const server = readGolden('integration_test__incomplete_metadata__t2/from-server.golden')
    const stored = (value: unknown): unknown =>
      JSON.parse(
        JSON.stringify(value, (key, item: unknown) =>
          key === 'description' && item === null ? undefined : item,
        ),
      )
    expect(stored(metadata.actions)).toEqual(server.actions)
    expect(stored(metadata.custom_types)).toEqual({
      enums: [],
      scalars: [],
      ...(server.custom_types as object),
    })
  })

  it('assembles the CLI test project that has actions.graphql but no actions.yaml, without actions', async () => {
    const metadata = await assembleMetadata(fixture('commands__testdata__config-v2-test-project'), 'metadata')
    expect(metadata.actions).toBeUndefined()
    expect(metadata.custom_types).toBeUndefined()
    expect(metadata.tables?.length).toBeGreaterThan(0)
  })
})

describe.skipIf(noTestdata)(`real config v2 projects (${skipReason})`, () => {
  const assembleProject = (name: string): Promise<MetadataV2> =>
    assembleMetadata(workspaceFiles(join(projects, name)), 'metadata')

  it('MetaFam: 34 tables, 12 actions, custom type relationships to tables, network `{}` sends nothing', async () => {
    const metadata = await assembleProject('MetaFam__TheGame__hasura')
    expect(metadata.version).toBe(2)
    expect(metadata.tables).toHaveLength(34)
    const actions = metadata.actions as { name: string; definition: Record<string, unknown> }[]
    expect(actions).toHaveLength(12)
    expect(actions.filter((action) => action.definition.kind === 'asynchronous')).toHaveLength(2)
    const syncBalances = actions.find((action) => action.name === 'syncBalances')
    expect(syncBalances?.definition).toMatchObject({ type: 'mutation', output_type: 'SyncBalancesOutput!' })
    expect(syncBalances?.definition).not.toHaveProperty('arguments')
    const objects = metadata.custom_types?.objects as { name: string; relationships?: unknown }[]
    expect(objects.find((type) => type.name === 'CreateQuestOutput')?.relationships).toEqual([
      {
        field_mapping: { quest_id: 'id' },
        name: 'quest',
        remote_table: { name: 'quest', schema: 'public' },
        source: 'default',
        type: 'object',
      },
    ])
    expect(metadata).not.toHaveProperty('network')
  })

  it('guessing game: enum values come from the SDL, not the extra keys in actions.yaml', async () => {
    const metadata = await assembleProject('OriginalYellow__hasura-guessing-game__hasura')
    expect(metadata.tables).toHaveLength(6)
    expect(metadata.custom_types?.enums).toContainEqual({
      name: 'gameEventType',
      values: [
        { value: 'START', description: null },
        { value: 'GUESS', description: null },
      ],
    })
    expect(metadata.actions).toContainEqual(
      expect.objectContaining({ name: 'createTempUser', permissions: [{ role: 'anonymous' }] }),
    )
    for (const key of ['functions', 'remote_schemas', 'query_collections', 'allowlist', 'cron_triggers']) {
      expect(metadata).not.toHaveProperty(key)
    }
  })

  it('skillZ: an empty actions.graphql with `actions: []` gives no actions', async () => {
    const metadata = await assembleProject('Zenika__skillZ__hasura')
    expect(metadata.tables).toHaveLength(21)
    expect(metadata).not.toHaveProperty('actions')
    expect(metadata).not.toHaveProperty('custom_types')
  })

  it('volunteer backend: whitespace-only actions.graphql, functions with configuration', async () => {
    const metadata = await assembleProject('anticoronavirus__volunteer-backend__hasura')
    expect(metadata.tables).toHaveLength(23)
    expect(metadata).not.toHaveProperty('actions')
    expect(metadata.functions).toHaveLength(3)
    expect(metadata.functions?.[2]).toEqual({
      function: { schema: 'public', name: 'unseen_hint' },
      configuration: { session_argument: 'hasura_session' },
    })
  })

  it('courso: Query actions with list types and an empty kind', async () => {
    const metadata = await assembleProject('beaussan__courso__hasura')
    expect(metadata.tables).toHaveLength(20)
    expect(metadata.actions).toContainEqual(
      expect.objectContaining({
        name: 'getGitLogData',
        definition: expect.objectContaining({ kind: '', type: 'query', output_type: '[CommitItem!]!' }),
      }),
    )
    expect(metadata.actions).toContainEqual(
      expect.objectContaining({
        name: 'sendStudentClaimMail',
        definition: expect.objectContaining({
          arguments: [{ name: 'studentsIds', type: '[uuid]!', description: null }],
        }),
      }),
    )
  })
})
