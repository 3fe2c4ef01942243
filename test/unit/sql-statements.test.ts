import { readFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RollbackError } from '../../src/errors.js'
import { downVerdict } from '../../src/project/migrations.js'
import { destructiveStatements } from '../../src/sql/destructive.js'
import { scanStatements } from '../../src/sql/scan.js'
import { lineAtPosition, scriptEnding, splitStatements as splitScan } from '../../src/sql/statements.js'
import { filesUnder } from '../support/fs-tree.js'
import { hasTestdata, testdataPath } from '../support/testdata.js'

const splitStatements = (sql: string) => splitScan(scanStatements(sql))
const texts = (sql: string): string[] => splitStatements(sql).map((statement) => statement.text)
const hasStatements = (sql: string): boolean => scanStatements(sql).statements.length > 0
/** The scripts one after another, each followed by its scriptEnding, as the transports send downs. */
const joinScripts = (parts: readonly string[], names: readonly string[] = []): string =>
  parts.map((part, i) => part + scriptEnding(scanStatements(part), names[i] ?? `part ${i + 1}`)).join('')

describe('splitStatements', () => {
  it.each([
    ['; in a quoted string', "SELECT 'a;b'; SELECT 2", ["SELECT 'a;b'", 'SELECT 2']],
    ["'' inside a quoted string", "SELECT 'it''s; ok'; SELECT 2", ["SELECT 'it''s; ok'", 'SELECT 2']],
    ['a backslash ends nothing in a plain string', "SELECT 'C:\\'; SELECT 2", ["SELECT 'C:\\'", 'SELECT 2']],
    ["E'\\'' escapes the quote", "SELECT E'\\';'; SELECT 2", ["SELECT E'\\';'", 'SELECT 2']],
    ["e'\\\\' is a backslash", "SELECT e'\\\\'; SELECT 2", ["SELECT e'\\\\'", 'SELECT 2']],
    [
      "an E'' string continued on the next line keeps backslash escapes",
      "SELECT E'a' -- note\n  '\\';'; SELECT 2",
      ["SELECT E'a' -- note\n  '\\';'", 'SELECT 2'],
    ],
    ["U&'…' has no backslash escape", "SELECT U&'\\'; SELECT 2", ["SELECT U&'\\'", 'SELECT 2']],
    ["N'…', B'…', X'…'", "SELECT N'a;b', B'1', X'1f'; SELECT 2", ["SELECT N'a;b', B'1', X'1f'", 'SELECT 2']],
    ['; in a quoted identifier', 'SELECT 1 AS "a;""b"; SELECT 2', ['SELECT 1 AS "a;""b"', 'SELECT 2']],
    ['; in U&"…"', 'SELECT 1 AS U&"a;"; SELECT 2', ['SELECT 1 AS U&"a;"', 'SELECT 2']],
    ['; in $$…$$', 'SELECT $$a;b$$; SELECT 2', ['SELECT $$a;b$$', 'SELECT 2']],
    ['$$ inside $fn$…$fn$', 'SELECT $fn$ $$; $fn$; SELECT 2', ['SELECT $fn$ $$; $fn$', 'SELECT 2']],
    ['a tag is case-sensitive', 'SELECT $A$ $a$; $A$; SELECT 2', ['SELECT $A$ $a$; $A$', 'SELECT 2']],
    [
      '$1 is a parameter',
      'PREPARE q(int) AS SELECT $1; SELECT $2',
      ['PREPARE q(int) AS SELECT $1', 'SELECT $2'],
    ],
    [
      '$$ after identifier characters is part of the name',
      'SELECT 1 AS a$$; SELECT 2 AS b$$',
      ['SELECT 1 AS a$$', 'SELECT 2 AS b$$'],
    ],
    ['; in a -- comment', 'SELECT 1 -- ; no\n; SELECT 2', ['SELECT 1 -- ; no', 'SELECT 2']],
    [
      '; in a nested block comment',
      'SELECT /* a /* b */ ; */ 1; SELECT 2',
      ['SELECT /* a /* b */ ; */ 1', 'SELECT 2'],
    ],
    ['/* right after an operator', 'SELECT 2*/*c;*/3; SELECT 4', ['SELECT 2*/*c;*/3', 'SELECT 4']],
    [
      'quotes inside comments',
      "SELECT 1 /* it's */ -- don't\n; SELECT 2",
      ["SELECT 1 /* it's */ -- don't", 'SELECT 2'],
    ],
    ['comment marks inside strings', "SELECT '/*', '--'; SELECT 2", ["SELECT '/*', '--'", 'SELECT 2']],
    ['-- inside a dollar quote', 'SELECT $$ -- ; $$; SELECT 2', ['SELECT $$ -- ; $$', 'SELECT 2']],
    ['a -- comment ending the file without newline', 'SELECT 1;\n-- trailing;', ['SELECT 1']],
    ['a file without final ;', 'SELECT 1;\nSELECT 2\n', ['SELECT 1', 'SELECT 2']],
    ['comment-only and empty statements', '-- a\n;\n/* b */;;\nSELECT 1', ['SELECT 1']],
    ['a lone CR ends a -- comment', '-- c\rSELECT 1', ['SELECT 1']],
    ['; inside parentheses (psql keeps it)', 'SELECT (1; 2); SELECT 3', ['SELECT (1; 2)', 'SELECT 3']],
    ['an unterminated string runs to the end', "SELECT 'abc; SELECT 2", ["SELECT 'abc; SELECT 2"]],
    ['astral characters', 'SELECT \'😀;\' AS "🎉"; SELECT 2', ['SELECT \'😀;\' AS "🎉"', 'SELECT 2']],
    [
      'a DO block',
      'DO $$\nBEGIN\n  PERFORM 1;\nEND\n$$;\nSELECT 2',
      ['DO $$\nBEGIN\n  PERFORM 1;\nEND\n$$', 'SELECT 2'],
    ],
    [
      'BEGIN ATOMIC body of CREATE FUNCTION, with CASE … END inside',
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT CASE WHEN true THEN 2 END;\nEND;\nSELECT 3',
      [
        'CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT CASE WHEN true THEN 2 END;\nEND',
        'SELECT 3',
      ],
    ],
    [
      'BEGIN ATOMIC body of CREATE OR REPLACE PROCEDURE',
      'create or replace procedure p() language sql begin atomic insert into t values (1); end; call p()',
      ['create or replace procedure p() language sql begin atomic insert into t values (1); end', 'call p()'],
    ],
    ['BEGIN of a transaction', 'BEGIN; SELECT 1; END;', ['BEGIN', 'SELECT 1', 'END']],
    [
      'BEGIN in a CREATE TABLE is not a body',
      'CREATE TABLE begin_log (begin int); SELECT 2',
      ['CREATE TABLE begin_log (begin int)', 'SELECT 2'],
    ],
  ])('%s', (_, sql, expected) => {
    expect(texts(sql)).toEqual(expected)
  })

  it('places statements by line, skipping leading comments, with CRLF counted once', () => {
    const sql = '-- header\r\n\r\n/* multi\r\nline */ DROP TABLE x;\r\nSELECT\r\n  2 -- end\r\n;\r\n'
    expect(splitStatements(sql)).toEqual([
      { text: 'DROP TABLE x', startOffset: sql.indexOf('DROP'), startLine: 4 },
      { text: 'SELECT\r\n  2 -- end', startOffset: sql.indexOf('SELECT'), startLine: 5 },
    ])
  })

  it('gives UTF-16 start offsets that slice the text back out', () => {
    const sql = "SELECT '😀😀';\nSELECT 2"
    for (const statement of splitStatements(sql)) {
      expect(sql.slice(statement.startOffset, statement.startOffset + statement.text.length)).toBe(
        statement.text,
      )
    }
    expect(splitStatements(sql)[1]?.startOffset).toBe(15)
  })
})

describe('hasStatements', () => {
  it.each([
    ['', false],
    [' \n\t\r\n', false],
    ['-- Could not auto-generate a down migration.\n-- DROP TABLE "public"."user";', false],
    ['/* a /* b */ SELECT 1 */ ;;', false],
    ['/* a */ SELECT 1 */', true],
    ['-- c\nSELECT 1', true],
    ['-- c\rSELECT 1', true],
    ["''", true],
  ])('%j → %s', (sql, expected) => {
    expect(hasStatements(sql)).toBe(expected)
  })
})

// Parts that end every way a migration file can end.
const awkwardParts = [
  'SELECT 1 -- trailing comment, no newline',
  "INSERT INTO t VALUES (';')",
  '-- only a comment',
  '',
  '/* a /* nested */ comment */',
  'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END',
  'SELECT 1;\r\nSELECT 2;\r\n',
  'DO $$ BEGIN PERFORM 1; END $$',
  "SELECT E'\\''",
  "SELECT '😀' -- 🎉",
  'SELECT 3;',
]

describe('scriptEnding', () => {
  it('keeps every script’s statements when scripts are sent one after another, whatever their ending', () => {
    expect(texts(joinScripts(awkwardParts))).toEqual(awkwardParts.flatMap(texts))
  })

  it('adds a ; and a newline only where a script needs them', () => {
    expect(joinScripts(['SELECT 1', 'SELECT 2 -- c', 'SELECT 3;\n', 'SELECT 4;'])).toBe(
      'SELECT 1;\nSELECT 2 -- c\n;\nSELECT 3;\nSELECT 4;\n',
    )
  })

  it.each([
    ['SELECT 1; /* open /* nested */', 'a /* comment', 1],
    ["SELECT 1;\nSELECT 'open", 'a quoted string', 2],
    ['SELECT 1;\nSELECT 2 AS "open', 'a double-quoted identifier', 2],
    ['\n\nDO $body$ BEGIN', 'a dollar-quoted string', 3],
  ])('refuses a script that would swallow the next one: %j', (part, what, line) => {
    let error: unknown
    try {
      scriptEnding(scanStatements(part), 'b/down.sql')
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(RollbackError)
    expect((error as RollbackError).message).toMatch(
      new RegExp(`^b/down.sql ends inside ${what.replace('*', '\\*')}.* opened on line ${line}$`),
    )
    expect((error as RollbackError).file).toBe('b/down.sql')
  })

  it('refuses a BEGIN ATOMIC body without END', () => {
    const sql = 'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1;'
    expect(() => scriptEnding(scanStatements(sql), 'f/down.sql')).toThrow(
      'f/down.sql ends inside a BEGIN ATOMIC function body',
    )
  })

  it('joins 1,000 files and splits the result back into their 3,000 statements', () => {
    const file = (n: number): string =>
      `-- migration ${n}\nALTER TABLE "public"."t${n}" DROP COLUMN "c";\n` +
      `CREATE FUNCTION f${n}() RETURNS text LANGUAGE sql AS $$ SELECT 'x;y' $$;\nDELETE FROM t${n} WHERE id = ${n}`
    const statements = splitStatements(joinScripts(Array.from({ length: 1000 }, (_, n) => file(n))))
    expect(statements).toHaveLength(3000)
    expect(statements[2999]?.text).toBe('DELETE FROM t999 WHERE id = 999')
  })
})

describe('lineAtPosition', () => {
  const sql = "SELECT 1;\r\n-- c 😀\r\nSELEC 3;\nSELECT '😀😀'\n, x"
  /** PostgreSQL's position of `needle`: 1-based, in code points. */
  const positionOf = (needle: string): number => Array.from(sql.slice(0, sql.indexOf(needle))).length + 1

  it.each([
    ['SELECT 1', 1],
    ['SELEC 3', 3],
    [', x', 5],
  ])('maps the position of %j to line %i, counting astral characters once and CRLF once', (needle, line) => {
    expect(lineAtPosition(sql, positionOf(needle))).toBe(line)
  })

  it('maps a position past the end to the last line', () => {
    expect(lineAtPosition(sql, Array.from(sql).length + 5)).toBe(5)
  })
})

describe('destructiveStatements', () => {
  it.each([
    ['DROP TABLE "public"."user";', [['drop-table', 'public.user']]],
    [
      'drop table if exists a, public."Player" cascade',
      [
        ['drop-table', 'a'],
        ['drop-table', 'public."Player"'],
      ],
    ],
    ['DROP SCHEMA "les" CASCADE', [['drop-schema', 'les']]],
    [
      'ALTER TABLE "public"."game_session" DROP COLUMN "closest_guesser_id";',
      [['drop-column', 'public.game_session.closest_guesser_id']],
    ],
    [
      'ALTER TABLE IF EXISTS ONLY t DROP IF EXISTS a, DROP COLUMN B, ADD COLUMN c int',
      [
        ['drop-column', 't.a'],
        ['drop-column', 't.b'],
      ],
    ],
    ['ALTER TABLE t DROP CONSTRAINT t_pkey, ALTER COLUMN a DROP NOT NULL, ALTER COLUMN b DROP DEFAULT', []],
    [
      'TRUNCATE TABLE ONLY a, b RESTART IDENTITY',
      [
        ['truncate', 'a'],
        ['truncate', 'b'],
      ],
    ],
    ['truncate "Log"', [['truncate', '"Log"']]],
    ['DELETE FROM link', [['delete-all', 'link']]],
    ['DELETE FROM ONLY a USING b WHERE a.id = b.id', []],
    ['DELETE FROM a WHERE id IN (SELECT id FROM b)', []],
    ['DELETE FROM a USING (SELECT id FROM b WHERE x) s', [['delete-all', 'a']]],
    ['WITH gone AS (DELETE FROM a RETURNING *) SELECT * FROM gone WHERE true', [['delete-all', 'a']]],
    ['WITH old AS (SELECT 1) DELETE FROM a WHERE id IN (SELECT * FROM old)', []],
    ['DROP MATERIALIZED VIEW v; DROP VIEW w; DROP INDEX i', []],
    ["DO $$ BEGIN DROP TABLE a; END $$; SELECT 'DROP TABLE b'; -- DROP TABLE c", []],
    ['CREATE FUNCTION f() RETURNS void LANGUAGE sql BEGIN ATOMIC DELETE FROM a; END', []],
    ['DrOp /* x */ TaBlE -- y\n Ab; dropped TABLE c; DRÖP TABLE d', [['drop-table', 'ab']]],
    [
      'ALTER TABLE t DROP COLUMN Straße, DROP COLUMN "X"',
      [
        ['drop-column', 't."straße"'],
        ['drop-column', 't."X"'],
      ],
    ],
  ])('%s', (sql, expected) => {
    expect(destructiveStatements(scanStatements(sql)).map(({ kind, target }) => [kind, target])).toEqual(
      expected,
    )
  })

  it('gives the line of each statement', () => {
    const sql = '-- down\nDELETE FROM a WHERE x;\n\nALTER TABLE t\n  DROP COLUMN c;\nTRUNCATE b'
    expect(destructiveStatements(scanStatements(sql))).toEqual([
      { kind: 'drop-column', target: 't.c', object: 't', column: 'c', line: 4 },
      { kind: 'truncate', target: 'b', object: 'b', line: 6 },
    ])
  })
})

const projectsDir = testdataPath('hasura-projects')

/** Every down migration under `dir`: a migration folder's down.sql or a flat <version>_<name>.down.sql. */
const downFiles = (dir: string): string[] =>
  filesUnder(dir).filter((path) => basename(path) === 'down.sql' || path.endsWith('.down.sql'))

describe.skipIf(!hasTestdata)('real projects (../shared/testdata/hasura-projects)', () => {
  const read = (path: string): string => readFileSync(join(projectsDir, path), 'utf8')

  it.each([
    [
      'OriginalYellow__hasura-guessing-game__hasura/migrations/1593109223357_create_table_public_user/down.sql',
      [{ kind: 'drop-table', target: 'public.user', object: 'public.user', line: 1 }],
    ],
    [
      'OriginalYellow__hasura-guessing-game__hasura/migrations/1593613610140_alter_table_public_game_session_add_column_closest_guesser_id/down.sql',
      [
        {
          kind: 'drop-column',
          target: 'public.game_session.closest_guesser_id',
          object: 'public.game_session',
          column: 'closest_guesser_id',
          line: 1,
        },
      ],
    ],
    [
      'MetaFam__TheGame__hasura/migrations/1640506201289_move_color_mask_to_profile/down.sql',
      [
        {
          kind: 'drop-column',
          target: 'public.profile.color_mask',
          object: 'public.profile',
          column: 'color_mask',
          line: 22,
        },
      ],
    ],
    [
      'MetaFam__TheGame__hasura/migrations/1695821615820_copy_guild_urls_into_link_table/down.sql',
      [{ kind: 'delete-all', target: 'link', object: 'link', line: 1 }],
    ],
    [
      'anticoronavirus__volunteer-backend__hasura/migrations/1601391044833_create_schema_les/down.sql',
      [{ kind: 'drop-schema', target: 'les', object: 'les', line: 1 }],
    ],
    [
      'anticoronavirus__volunteer-backend__hasura/migrations/1587566390808_fill_volunteer_profession_from_column/down.sql',
      [{ kind: 'delete-all', target: 'volunteer_profession', object: 'volunteer_profession', line: 2 }],
    ],
    ['MetaFam__TheGame__hasura/migrations/1691747987091_add_dework_to_account_type/down.sql', []],
    ['anticoronavirus__volunteer-backend__hasura/migrations/1588264763474_requirement_data/down.sql', []],
    [
      'anticoronavirus__volunteer-backend__hasura/migrations/1587731057745_update_shift_selector_with_prof_counter/down.sql',
      [],
    ],
  ])('%s', (path, expected) => {
    expect(destructiveStatements(scanStatements(read(path)))).toEqual(expected)
  })

  it('tells the Console placeholders (refused) from hand-written comment-only downs (run as they are)', () => {
    const everyDown = [...downFiles(projectsDir), ...downFiles(testdataPath('hasura-projects-v3'))]
    const commentOnly = everyDown.filter((path) => !hasStatements(readFileSync(path, 'utf8')))
    const verdicts = commentOnly.map((path) => downVerdict(scanStatements(readFileSync(path, 'utf8'))))
    expect(verdicts.filter((v) => v === 'placeholder').length).toBeGreaterThan(100)
    const noOps = commentOnly.filter((_, i) => verdicts[i] === 'no-op')
    expect(noOps.map((path) => readFileSync(path, 'utf8').split('\n')[0])).toEqual([
      expect.stringMatching(/^-- Irreversible data normalization/),
    ])
  })

  // A real Console-generated down whose rename lost its closing quote: PostgreSQL rejects it alone,
  // and joined it would swallow the next file, so joinScripts must refuse it.
  const brokenDown =
    'anticoronavirus__volunteer-backend__hasura/migrations/1588187507487_alter_table_public_period_alter_column_profession/down.sql'

  it('refuses the real down.sql that ends inside a quoted identifier, naming it', () => {
    expect(() => scriptEnding(scanStatements(read(brokenDown)), brokenDown)).toThrow(
      `${brokenDown} ends inside a double-quoted identifier opened on line 2`,
    )
  })

  it('splits every other down.sql into statements that rejoin into the same statements', () => {
    const parts = downFiles(projectsDir)
      .filter((path) => relative(projectsDir, path) !== brokenDown)
      .map((path) => readFileSync(path, 'utf8'))
    expect(texts(joinScripts(parts))).toEqual(parts.flatMap(texts))
  })
})
