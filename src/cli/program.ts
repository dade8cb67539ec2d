/** How the clerk started us: the built `nianbao` (dist-cli/nianbao.js, `npx nianbao`) or `npm run cli --`. */
export const PROGRAM = /nianbao(\.js)?$/.test(globalThis.process?.argv?.[1] ?? '')
  ? 'nianbao'
  : 'npm run cli --';
