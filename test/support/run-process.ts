// Runs a program to its end without blocking this process, whose stand-in servers must keep answering
// (spawnSync would stop them). No stdin: bash reads ~/.bashrc when its stdin is a socket (as for a
// remote shell), and node's default pipes are sockets.
import { spawn } from 'node:child_process'

export interface ProcessResult {
  /** null when a signal ended it. */
  status: number | null
  stdout: string
  stderr: string
}

export function runProcess(
  program: string,
  args: readonly string[],
  options: { cwd?: string; env: Record<string, string> },
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}
