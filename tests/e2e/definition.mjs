// The questionnaire definition the app is built with, read once for every spec and page object:
// a spec finds questions by the wording in the definition, so a renamed question fails loudly.
import fs from 'node:fs';

export const definition = JSON.parse(
  fs.readFileSync(new URL('../../crates/dva-core/questionnaire.json', import.meta.url)),
);

/** An item of the questionnaire by id. */
export function item(id) {
  const found = definition.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id} in the questionnaire`);
  return found;
}
