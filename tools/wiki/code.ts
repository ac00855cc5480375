// Fetches MediaWiki 1.43 LTS from Debian 13 ("trixie") and PHP from the system's Debian, and
// unpacks MediaWiki into a cache folder that every test wiki instance then serves read-only.
// The README's "Tests" section says what runs against it.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The repository root (two levels above this file). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const defaultCacheDir = join(repoRoot, ".cache/mediawiki");

const KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg";
const SOURCES = [
  `deb [signed-by=${KEYRING}] http://deb.debian.org/debian trixie main`,
  `deb [signed-by=${KEYRING}] http://deb.debian.org/debian-security trixie-security main`,
].join("\n");

const PHP_PACKAGES = ["php-cli", "php-sqlite3", "php-intl", "php-mbstring", "php-xml", "php-gmp"];
// PHP extension names as `php -m` lists them, for the packages above.
const PHP_EXTENSIONS = ["pdo_sqlite", "sqlite3", "intl", "mbstring", "dom", "xml", "gmp"];

export interface MediaWikiCode {
  /** Folder to serve with `php -S -t` and to run `maintenance/run.php` in. */
  codeDir: string;
  /** Debian package version, e.g. `1:1.43.12+dfsg-1~deb13u1`. */
  version: string;
}

/**
 * Makes sure MediaWiki's code is unpacked in `cacheDir/code` and returns where.
 * The first call downloads and unpacks (~5 s); later calls only read a marker file.
 * Concurrent callers are safe: each unpacks into its own temporary folder and the
 * first to rename it into place wins.
 */
export async function ensureMediaWikiCode(cacheDir: string = defaultCacheDir): Promise<MediaWikiCode> {
  await ensurePhp();
  const codeDir = join(cacheDir, "code");
  const marker = join(codeDir, ".partnerhub-version");
  if (existsSync(marker)) return { codeDir, version: (await readFile(marker, "utf8")).trim() };

  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(join(cacheDir, "tmp-code-"));
  try {
    const version = await downloadPackages(work);
    const unpacked = join(work, "root");
    for (const deb of await readdir(work)) {
      if (deb.endsWith(".deb")) await run("dpkg", ["-x", join(work, deb), unpacked]);
    }
    const mw = join(unpacked, "usr/share/mediawiki");
    await fixAbsoluteSymlinks(mw);
    await writeFile(join(mw, ".partnerhub-version"), version + "\n");
    try {
      await rename(mw, codeDir);
    } catch (error) {
      // Another process won the race; its copy is as good as ours.
      if (!existsSync(marker)) throw error;
    }
    return { codeDir, version: (await readFile(marker, "utf8")).trim() };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Downloads `mediawiki` and `mediawiki-classes` (same version) into `work`; returns the version. */
async function downloadPackages(work: string): Promise<string> {
  // A private apt configuration: nothing is added to the system's sources or lists.
  await mkdir(join(work, "lists/partial"), { recursive: true });
  await mkdir(join(work, "apt-cache/archives/partial"), { recursive: true });
  await writeFile(join(work, "sources.list"), SOURCES + "\n");
  const aptOptions = [
    "-o",
    `Dir::Etc::SourceList=${join(work, "sources.list")}`,
    "-o",
    "Dir::Etc::SourceParts=/dev/null",
    "-o",
    `Dir::State::Lists=${join(work, "lists")}`,
    "-o",
    `Dir::Cache=${join(work, "apt-cache")}`,
    // apt drops to the _apt user to download, which cannot write into a root-owned cache.
    "-o",
    "APT::Sandbox::User=root",
  ];
  await run("apt-get", [...aptOptions, "-q", "update"], { maxBuffer: 16 << 20 });
  const { stdout } = await run("apt-cache", [...aptOptions, "policy", "mediawiki"]);
  const version = /Candidate:\s*(\S+)/.exec(stdout)?.[1];
  if (!version || version === "(none)") throw new Error(`no mediawiki candidate in trixie:\n${stdout}`);
  if (!version.includes(":1.43.")) throw new Error(`expected MediaWiki 1.43 LTS, trixie offers ${version}`);
  // Pinning both to one version: mediawiki-classes must match mediawiki exactly.
  await run("apt-get", [...aptOptions, "-q", "download", `mediawiki=${version}`, `mediawiki-classes=${version}`], {
    cwd: work,
    maxBuffer: 16 << 20,
  });
  return version;
}

/**
 * The package points LocalSettings.php, config, extensions and images at /var/lib/mediawiki.
 * Replace them by local folders so the unpacked code works from anywhere and stays read-only:
 * each instance brings its own LocalSettings.php (MW_CONFIG_FILE).
 */
async function fixAbsoluteSymlinks(mw: string): Promise<void> {
  for (const name of ["LocalSettings.php", "config", "extensions", "images"]) {
    await rm(join(mw, name), { force: true });
  }
  await mkdir(join(mw, "config"));
  await mkdir(join(mw, "images"));
  await mkdir(join(mw, "extensions"));
  for (const extension of await readdir(join(mw, "extensions-core"))) {
    await symlink(join("..", "extensions-core", extension), join(mw, "extensions", extension));
  }
}

/** Installs PHP and its extensions through apt-get, but only when something is missing. */
export async function ensurePhp(): Promise<void> {
  if ((await missingPhpExtensions()).length === 0) return;
  const install = () =>
    run("apt-get", ["install", "-y", "-q", "--no-install-recommends", ...PHP_PACKAGES], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      maxBuffer: 64 << 20,
    });
  try {
    await install();
  } catch {
    // Fresh machines may have no package lists yet.
    await run("apt-get", ["update", "-q"], { maxBuffer: 16 << 20 });
    await install();
  }
  const missing = await missingPhpExtensions();
  if (missing.length > 0) throw new Error(`PHP still lacks: ${missing.join(", ")}`);
}

async function missingPhpExtensions(): Promise<string[]> {
  try {
    const { stdout } = await run("php", ["-m"]);
    const loaded = new Set(stdout.split("\n").map((line) => line.trim().toLowerCase()));
    return PHP_EXTENSIONS.filter((extension) => !loaded.has(extension));
  } catch {
    return ["php"];
  }
}
