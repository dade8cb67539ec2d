/** Entry of `npm run cli -- …`: the real files and streams, then the exit code of main. */
import { main } from './cli/main.ts';
import { nodeIo } from './cli/node-io.ts';

// exitCode rather than process.exit(): output piped to another program is flushed first.
process.exitCode = await main(process.argv.slice(2), nodeIo());
