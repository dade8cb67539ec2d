// @vitest-environment node
/** Commands registered lazily (src/cli/commands.ts) say the same as their modules, and load on --help. */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.ts';
import { main } from '../../src/cli/main.ts';
import { memoryIo } from './memory-io.ts';

describe('lazy commands', () => {
  const lazy = COMMANDS.filter((c) => c.load);

  it('pdf, docx and import-text load on use', () => {
    expect(lazy.map((c) => c.name).sort()).toEqual(['docx', 'import-text', 'pdf']);
  });

  it('name and summary match the module’s own; --help prints the module’s help', async () => {
    for (const command of lazy) {
      const loaded = await command.load!();
      expect(loaded.name).toBe(command.name);
      expect(loaded.summary).toBe(command.summary);
      const io = memoryIo({});
      expect(await main([command.name, '--help'], io)).toBe(0);
      expect(io.stdout()).toBe(loaded.help);
    }
  });
});
