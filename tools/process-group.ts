/**
 * The processes of a process group as Linux's /proc describes them: whether a server's children
 * are still running (tools/wiki/instance.ts), and how much CPU a server used (bench/claims/).
 */
import { readdirSync, readFileSync } from "node:fs";

export interface GroupMember {
  pid: number;
  /** `R`, `S`, `Z`…: a zombie has exited and only waits to be reaped. */
  state: string;
  /** User + system CPU time so far, in ms. */
  cpuMs: number;
}

/** USER_HZ, the unit of /proc's CPU times: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

/** Every process of group `pgid`. */
export function groupMembers(pgid: number): GroupMember[] {
  const members: GroupMember[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // Fields after "(comm)": state ppid pgrp …, utime and stime 12th and 13th; comm may contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue;
    members.push({
      pid: Number(entry),
      state: fields[0] ?? "",
      cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS,
    });
  }
  return members;
}
