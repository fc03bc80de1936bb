/**
 * Where the benchmark corpus comes from: real code that this machine's registries (Debian's
 * packages and the npm registry) provide, pinned so that every run reads the same files.
 */
import type { LanguageId } from '../../server/src/syntax/languages';

/** Each language's corpus is sampled from its sources until it holds at least this many bytes. */
export const TARGET_BYTES = 21_000_000;

/** The size of the mixed workspace the server's memory is measured on. */
export const WORKSPACE_BYTES = 50_000_000;

/** A tree of files already on disk once the Debian packages are installed. */
export interface FolderSource {
  kind: 'folder';
  name: string;
  /** Candidate folders, the first that exists is used (paths differ between Debian releases). */
  roots: readonly string[];
  aptPackages: readonly string[];
  /** Folder names left out anywhere in the tree (installed third-party code, build output). */
  skipDirs?: readonly string[];
}

/** A zip of sources that a Debian package installs, unpacked into the corpus cache. */
export interface ZipSource {
  kind: 'zip';
  name: string;
  zips: readonly string[];
  aptPackages: readonly string[];
}

/** An npm package whose tarball carries hand-written (not minified, not declaration-only) code. */
export interface NpmSource {
  kind: 'npm';
  name: string;
  version: string;
}

export type Source = FolderSource | ZipSource | NpmSource;

export const SOURCES: Readonly<Record<LanguageId, readonly Source[]>> = {
  python: [
    {
      kind: 'folder',
      name: 'cpython-3.11-stdlib',
      roots: ['/usr/lib/python3.11'],
      // The test suite is part of the standard library's sources and doubles the amount of code.
      aptPackages: ['libpython3.11-stdlib', 'libpython3.11-testsuite'],
      skipDirs: ['site-packages', 'dist-packages'],
    },
  ],
  go: [
    {
      kind: 'folder',
      name: 'go-1.19-src',
      roots: ['/usr/lib/go-1.19/src', '/usr/share/go-1.19/src'],
      aptPackages: ['golang-1.19-src'],
    },
  ],
  java: [
    {
      kind: 'zip',
      name: 'openjdk-17-src',
      zips: ['/usr/lib/jvm/openjdk-17/lib/src.zip', '/usr/lib/jvm/java-17-openjdk-amd64/lib/src.zip'],
      aptPackages: ['openjdk-17-source', 'unzip'],
    },
  ],
  javascript: [
    { kind: 'npm', name: 'three', version: '0.187.0' },
    { kind: 'npm', name: 'webpack', version: '5.112.2' },
    { kind: 'npm', name: 'eslint', version: '10.15.0' },
    { kind: 'npm', name: 'mathjs', version: '15.2.0' },
    { kind: 'npm', name: 'moment', version: '2.31.0' },
    { kind: 'npm', name: 'highlight.js', version: '11.12.0' },
    { kind: 'npm', name: 'svelte', version: '5.57.3' },
    { kind: 'npm', name: 'lodash', version: '4.18.1' },
    { kind: 'npm', name: 'core-js', version: '3.51.0' },
  ],
  typescript: [
    { kind: 'npm', name: 'effect', version: '3.22.4' },
    { kind: 'npm', name: '@effect/platform', version: '0.97.2' },
    { kind: 'npm', name: 'ox', version: '1.8.3' },
    { kind: 'npm', name: 'viem', version: '2.57.20' },
    { kind: 'npm', name: 'zod', version: '4.6.7' },
    { kind: 'npm', name: 'ethers', version: '6.17.0' },
    { kind: 'npm', name: 'rxjs', version: '7.8.2' },
    { kind: 'npm', name: '@tiptap/core', version: '3.34.0' },
    { kind: 'npm', name: '@noble/curves', version: '2.4.0' },
    { kind: 'npm', name: '@wagmi/core', version: '3.6.5' },
    { kind: 'npm', name: '@reduxjs/toolkit', version: '2.14.0' },
    { kind: 'npm', name: '@tanstack/query-core', version: '5.108.0' },
    { kind: 'npm', name: '@tanstack/react-query', version: '5.108.0' },
    { kind: 'npm', name: '@tanstack/router-core', version: '1.171.39' },
    { kind: 'npm', name: '@tanstack/react-router', version: '1.170.46' },
  ],
};
