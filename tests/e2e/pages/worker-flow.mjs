// Page objects for a whole screening: the answers are written as the keyworker would read them
// off the questionnaire (item id -> the option's visible label), and entered section by section
// through the UI. The questions are found by their worker wording, which is the radio group's
// legend, so a renamed question fails here rather than silently answering something else.
import { answerFrequency, answerRadio, continueOn, expectHeading } from './worker-ask.mjs';
import { definition, item } from '../definition.mjs';

export { definition, item };

/** The question as the worker reads it (the legend of its radio group). */
export const wording = (id) => item(id).worker_wording;

/** The label the summary and the check page use for an item. */
export const label = (id) => item(id).label;

/** Every behaviour of the inventory, in questionnaire order. */
export const behaviourIds = definition.items
  .filter((i) => i.section === 'behaviours' && i.response.type === 'frequency')
  .map((i) => i.id);

/** The sections asked after the start page, in order, with their titles. */
export const askedSections = definition.sections.filter((s) => s.id !== 'setting');

/**
 * A screening in which nothing is disclosed: a partner, no children, every behaviour "Never".
 * Specs start from this and override what their story needs.
 */
export function quietAnswers() {
  const answers = {
    'rel.current_partner': 'Yes',
    'rel.living_together': 'Yes',
    'rel.pregnant': 'No',
    'rel.ex_partner': 'No',
    'rel.separation': 'No',
    'rel.child_arrangements': 'No',
    'rel.scope': 'Yes: he is a man and the partners he talks about are women',
    'rel.contact_conflict': 'No',
    'rel.partner_client': 'No',
    'impact.afraid': 'No',
    'impact.injured': 'No',
    'impact.escalation': 'No',
    'impact.police': 'No',
    'impact.justice': 'No',
    'impact.orders': 'No',
    'impact.weapons_access': 'No',
    'impact.violence_others': 'No',
    'impact.criminal_record': 'No',
    'impact.others_involved': 'No',
    'impact.previous_marac': 'No',
    'children.any': 'No',
    'subst.main': 'Alcohol, about 4 cans of lager a day',
    'subst.status': 'Still using',
    'subst.before_during': 'No',
    'subst.sober': 'No',
    'subst.binge': 'No',
    'subst.mixing': 'No',
    'subst.partner_use': 'No',
    'subst.intoxicated_now': 'No',
    'self.suicide': 'No',
    'self.money_job': 'No',
    'self.harm_others': 'No',
    'self.victim': 'No',
    'ready.stage': 'Thinking about changing',
    'ready.importance': '5',
    'ready.confidence': '5',
    'ready.acknowledges': 'No',
    'ready.attend': 'Yes',
    'ready.challenge': 'Yes',
  };
  for (const id of behaviourIds) answers[id] = 'Never';
  return answers;
}

/**
 * Answers one item through the UI. A frequency value is a band label, or
 * `[band, last12]` for a disclosure with its "last 12 months" answer.
 */
export async function answerItem(page, id, value) {
  const it = item(id);
  if (it.response.type === 'free_text') {
    await page.getByLabel(it.worker_wording, { exact: true }).fill(value);
  } else if (it.response.type === 'frequency') {
    const [band, last12] = Array.isArray(value) ? value : [value];
    await answerFrequency(page, it.worker_wording, band, last12);
  } else {
    await answerRadio(page, it.worker_wording, value);
  }
}

/**
 * From the first question section, answers every section in order (items of the section found
 * in `answers`, in questionnaire order, so a condition is met before its dependants are asked)
 * and continues to check your answers. `notes` maps section id -> the client's own words.
 */
export async function answerAllSections(page, answers, { notes = {} } = {}) {
  for (const section of askedSections) {
    await expectHeading(page, section.title);
    for (const it of definition.items.filter((i) => i.section === section.id)) {
      if (it.id in answers) await answerItem(page, it.id, answers[it.id]);
    }
    if (notes[section.id]) await page.getByLabel("The client's own words").fill(notes[section.id]);
    await continueOn(page);
  }
  await expectHeading(page, 'Check your answers');
}

/** Words a result must never use about a level. */
export const FORBIDDEN_WORDS = [/\bsafe\b/i, /\bno risk\b/i, /\blow risk\b/i];

/** The visible text of the page's main region. */
export async function mainText(page) {
  return page.locator('main').innerText();
}
