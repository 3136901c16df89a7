import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGB: number;
  os: string;
  node: string;
  chromium: string;
  date: string;
  /** 1, 5 and 15 minute load averages when the bench started and ended: a busy machine shows here. */
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
}

function chromiumVersion(executablePath: string | undefined): string {
  if (!executablePath) return 'Playwright bundled Chromium';
  try {
    const text = execFileSync(executablePath, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return text.match(/(Chromium|Chrome)\s+[\d.]+/)?.[0] ?? text.trim();
  } catch {
    return `unknown (${executablePath})`;
  }
}

export function machineInfo(executablePath: string | undefined): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: chromiumVersion(executablePath),
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
