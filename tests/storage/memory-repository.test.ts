import { MemoryDraftRepository } from '../../src/storage/memory-repository.ts';
import { repositoryContract } from './repository-contract.ts';

repositoryContract('memory', async (clock) => new MemoryDraftRepository(clock.now));
