import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

// Globals are off, so testing-library cannot register its own cleanup: unmount after every test.
afterEach(() => cleanup());
