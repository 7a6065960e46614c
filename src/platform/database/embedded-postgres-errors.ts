export type EmbeddedPostgresProblem =
  | 'data-dir-in-use'
  | 'port-in-use'
  | 'data-dir-permissions'
  | 'data-dir-owner'
  | 'other-major-version'
  | 'not-a-cluster'
  | 'failed';

/** A failure of the embedded PostgreSQL server, with a message that says what to do. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';

  constructor(
    message: string,
    readonly problem: EmbeddedPostgresProblem = 'failed',
  ) {
    super(message);
  }
}

export interface FailureContext {
  dataDir: string;
  port?: number;
  /** The operating-system account the server runs as. */
  user: string;
}

/**
 * Turns what initdb or postgres printed before exiting into a message. Both print only English
 * (the package's build has no translations), so matching their text is reliable.
 */
export function explainFailure(lines: string[], context: FailureContext): EmbeddedPostgresError {
  const [problem, message] = diagnose(lines, context);
  return new EmbeddedPostgresError(message, problem);
}

function diagnose(lines: string[], context: FailureContext): [EmbeddedPostgresProblem, string] {
  const log = lines.join('\n');
  const { dataDir, port, user } = context;
  const lockHolder = /lock file "postmaster\.pid" already exists[\s\S]*?PID (\d+)/.exec(log);
  if (lockHolder) {
    const pid = lockHolder[1];
    return [
      'data-dir-in-use',
      `Data directory ${dataDir} is already in use by another PostgreSQL server (pid ${pid}). ` +
        `Stop that server first (kill -INT ${pid}), or use another data directory.`,
    ];
  }
  if (/Address already in use/.test(log)) {
    return [
      'port-in-use',
      `Port ${port} on 127.0.0.1 is already in use by another program. ` +
        'Choose another port, or leave the port unset to have a free one chosen.',
    ];
  }
  if (/has invalid permissions/.test(log)) {
    return [
      'data-dir-permissions',
      `Data directory ${dataDir} has permissions PostgreSQL refuses: only its owner may enter it (mode 0700 or 0750). ` +
        `Fix with: chmod 0700 ${dataDir}`,
    ];
  }
  if (/has wrong ownership|Permission denied/.test(log)) {
    return ['data-dir-owner', wrongOwner(dataDir, user, 'is owned by another user or cannot be read by it')];
  }
  const versions =
    /initialized by PostgreSQL version (\S+), which is not compatible with this version (\S+?)\.?$/m.exec(log);
  if (/database files are incompatible with server/.test(log)) {
    const [found, running] = versions ? [versions[1], versions[2]] : ['another major version', 'this one'];
    return [
      'other-major-version',
      `Data directory ${dataDir} was created by PostgreSQL ${found}, but the embedded server is PostgreSQL ${running}. ` +
        `Open it with a PostgreSQL ${found} server (e.g. dump it with pg_dump ${found}), ` +
        'or point the embedded server at a new, empty directory and restore the dump there.',
    ];
  }
  if (/exists but is not empty/.test(log)) {
    return [
      'not-a-cluster',
      `Data directory ${dataDir} is not empty but holds no PostgreSQL cluster (it has no PG_VERSION file). ` +
        'Empty it, or choose another directory.',
    ];
  }
  return [
    'failed',
    `Embedded PostgreSQL failed for data directory ${dataDir}. Its last messages:\n${lines.slice(-12).join('\n')}`,
  ];
}

export function wrongOwner(dataDir: string, user: string, problem: string): string {
  return (
    `Data directory ${dataDir} ${problem}, but PostgreSQL runs as ${user} and must own it. ` +
    `Fix with: chown -R ${user} ${dataDir} && chmod 0700 ${dataDir}`
  );
}
