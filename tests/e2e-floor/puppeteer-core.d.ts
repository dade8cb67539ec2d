// puppeteer-core 5.3 ships its types but names none in package.json: point the package at them.
declare module 'puppeteer-core' {
  const puppeteer: import('puppeteer-core/lib/cjs/puppeteer/api-docs-entry.js').Puppeteer;
  export default puppeteer;
}
