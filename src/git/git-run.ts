// The one place git runs: the binary from PATH, arguments as an array (never a shell), the exit code
// returned rather than thrown, and one log line per command.
import { getExecOutput } from '@actions/exec'

export interface GitOutput {
  exitCode: number
  stdout: string
  stderr: string
  /** stdout as bytes, only when asked for (blob sizes are in bytes). */
  stdoutBytes: Buffer
}

export type RunGit = (args: string[], options?: { input?: Buffer; bytes?: boolean }) => Promise<GitOutput>

export function gitRunner(workspace: string, log: (line: string) => void): RunGit {
  return async (args, options = {}) => {
    log(`git ${args.map(quoteForLog).join(' ')}`)
    const chunks: Buffer[] = []
    const output = await getExecOutput('git', args, {
      cwd: workspace,
      silent: true,
      ignoreReturnCode: true,
      input: options.input,
      listeners: options.bytes ? { stdout: (data: Buffer) => chunks.push(data) } : {},
    })
    return { ...output, stdoutBytes: Buffer.concat(chunks) }
  }
}

/** The line of git's stderr that says what went wrong, for a one-line message. */
export function gitFailure(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const fatal = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines.at(-1)
  return fatal ? `git: ${fatal}` : 'git failed without a message'
}

function quoteForLog(arg: string): string {
  return /^[\w@%+=:,./^{}~-]+$/.test(arg) ? arg : JSON.stringify(arg)
}
