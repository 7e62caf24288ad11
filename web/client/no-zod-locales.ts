/**
 * Stands in for zod's catalogue of error-message locales in the browser bundle: the form translates its own
 * messages from the page's catalogue, and the fifty locales would be most of the script's weight.
 */
export {};
