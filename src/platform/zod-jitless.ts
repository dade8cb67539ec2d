/**
 * zod 4 probes `new Function('')` on its first parse to decide whether to compile fast validators.
 * Our CSP has no 'unsafe-eval', so the probe is refused and Chromium reports a CSP violation on every
 * page load (harmless, but it hides real violations). jitless parsing is just as correct.
 * Import this module before anything parses with zod (the page's entry imports it early).
 */
import { config } from 'zod';

config({ jitless: true });
