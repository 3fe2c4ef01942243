// The same N migrations written for each tool: a Hasura config v2 project (directory form), a
// node-pg-migrate folder, a sql-migrate folder and a psql script of the downs plus the state deletes.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const FIRST_VERSION = 1700000000000n

/** Pairs of create/drop table and add/drop column, so every down depends on the ones after it. */
export function migrationSpecs(count) {
  const specs = []
  for (let i = 0; i < count; i++) {
    const version = String(FIRST_VERSION + BigInt(i))
    const table = `t_${i - (i % 2)}`
    specs.push(
      i % 2 === 0
        ? {
            version,
            name: `create_${table}`,
            up: `CREATE TABLE ${table} (id serial PRIMARY KEY, name text NOT NULL);`,
            down: `DROP TABLE ${table};`,
          }
        : {
            version,
            name: `add_${table}_c_${i}`,
            up: `ALTER TABLE ${table} ADD COLUMN c_${i} text;`,
            down: `ALTER TABLE ${table} DROP COLUMN c_${i};`,
          },
    )
  }
  return specs
}

function write(path, text) {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
}

/** A config v2 project: config.yaml, metadata/version.yaml, migrations/<version>_<name>/{up,down}.sql. */
export function writeHasuraProject(dir, specs, { tables = 0 } = {}) {
  write(join(dir, 'config.yaml'), 'version: 2\n')
  write(join(dir, 'metadata/version.yaml'), 'version: 2\n')
  const tableEntries = []
  for (let i = 0; i < tables; i++) tableEntries.push(`- table:\n    schema: public\n    name: m_${i}\n`)
  write(join(dir, 'metadata/tables.yaml'), tables === 0 ? '[]\n' : tableEntries.join(''))
  for (const m of specs) {
    write(join(dir, `migrations/${m.version}_${m.name}/up.sql`), `${m.up}\n`)
    write(join(dir, `migrations/${m.version}_${m.name}/down.sql`), `${m.down}\n`)
  }
}

/** node-pg-migrate's legacy SQL form: one file per migration with Up/Down comment markers. */
export function writeNodePgMigrateDir(dir, specs) {
  for (const m of specs) {
    write(join(dir, `${m.version}_${m.name}.sql`), `-- Up Migration\n${m.up}\n-- Down Migration\n${m.down}\n`)
  }
}

/** sql-migrate's form: one file per migration with +migrate Up/Down markers; dbconfig.yml beside. */
export function writeSqlMigrateDir(dir, specs, url) {
  for (const m of specs) {
    write(
      join(dir, `migrations/${m.version}_${m.name}.sql`),
      `-- +migrate Up\n${m.up}\n-- +migrate Down\n${m.down}\n`,
    )
  }
  writeSqlMigrateConfig(dir, url)
}

export function writeSqlMigrateConfig(dir, url, migrationsDir = join(dir, 'migrations')) {
  const datasource = `${url}${url.includes('?') ? '&' : '?'}sslmode=disable`
  write(
    join(dir, 'dbconfig.yml'),
    `bench:\n  dialect: postgres\n  datasource: ${datasource}\n  dir: ${migrationsDir}\n  table: gorp_migrations\n`,
  )
}

const STATE = 'hdb_catalog.schema_migrations'

/**
 * The limit: what the action sends, as one file for `psql --single-transaction`: each down, highest
 * version first, then one DELETE of their state rows.
 */
export function psqlScript(specs) {
  const downs = [...specs].reverse()
  return `${downs.map((m) => `${m.down}\n`).join('')}DELETE FROM ${STATE} WHERE version IN (${downs.map((m) => m.version).join(',')});\n`
}

/** The ups and the state rows, as `hasura migrate apply` leaves them. */
export function applyUpsSql(specs) {
  const rows = specs.map((m) => `(${m.version}, false)`).join(',')
  return (
    specs.map((m) => m.up).join('\n') +
    `\nCREATE SCHEMA IF NOT EXISTS hdb_catalog;` +
    `\nCREATE TABLE IF NOT EXISTS ${STATE} (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);` +
    (rows ? `\nINSERT INTO ${STATE} (version, dirty) VALUES ${rows};` : '')
  )
}
