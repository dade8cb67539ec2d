// @vitest-environment node
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDraftDb } from '../../src/storage/db.ts';
import { IdbDraftRepository } from '../../src/storage/idb-repository.ts';
import { repositoryContract } from './repository-contract.ts';

repositoryContract(
  'IndexedDB',
  async (clock) => new IdbDraftRepository(await openDraftDb({ factory: new IDBFactory() }), clock.now),
);
