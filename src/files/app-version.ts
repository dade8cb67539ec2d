/** The version of the tool, written into every draft file (a named import: only this field is bundled). */
import { version } from '../../package.json';

export const APP_VERSION: string = version;
