/** The site served for the browser tests exactly as `mt-docs preview` serves it (scripts/static-server.ts), on an ephemeral port. */
import { serveStatic as serve, type StaticServer } from '../../../scripts/static-server.ts';

export type { StaticServer };

export const serveStatic = (dir: string, headers: Record<string, string> = {}): Promise<StaticServer> => serve(dir, { headers });
