// Runs a program to its end without blocking this process, whose stand-in servers must keep answering
// (spawnSync would stop them). No stdin: bash reads ~/.bashrc when its stdin is a socket (as for a
// remote shell), and node's default pipes are sockets.
import { spawn } from 'node:child_process'

export interface ProcessResult {
  /** null when a signal ended it (SIGKILL after `timeoutMs`, say). */
  status: number | null
  stdout: string
  stderr: string
}

export interface ProcessOptions {
  cwd?: string
  env: Record<string, string>
  /** Killed (SIGKILL) when still running after this long; default: never. */
  timeoutMs?: number
}

export function runProcess(
  program: string,
  args: readonly string[],
  { timeoutMs, ...options }: ProcessOptions,
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    // Decoded once at the end: a character split across two chunks stays whole.
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (status) => {
      clearTimeout(timer)
      resolve({
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      })
    })
  })
}
