import { doc, extract, meetingsOf, seed } from './helpers';

describe('meetings', () => {
  it('the Kremlin talks of seed 000: participants, date from "late Tuesday", place from "at the Kremlin"', () => {
    const [m, ...rest] = meetingsOf(extract(seed('000')));
    expect(rest).toHaveLength(0);
    expect(m!.who).toEqual(expect.arrayContaining(['Vladimir Putin', 'Steve Witkoff', 'Jared Kushner', 'Kirill Dmitriev']));
    expect(m!).toMatchObject({ date: '2025-12-02', status: 'held', place: { name: 'Moscow' } });
    expect(m!.duration).toMatch(/five[- ]hours?/i); // "stretched for about five hours", not "Marathon"
  });
  it('"led on the US side by A and B": A and B are the US, which they represent at the talks (seed 000)', () => {
    const x = extract(seed('000'));
    expect(x.actors.find((a) => a.name === 'Jared Kushner')?.affiliation?.ref).toBe('country:United States');
    const [m] = meetingsOf(x);
    expect(m!.who).toEqual(expect.arrayContaining(['Steve Witkoff', 'Jared Kushner']));
    expect(m!.who).not.toContain('United States');
    // "the US delegation in the Kremlin Vladimir Putin and Kirill Dmitriev": named with Putin, on Putin's side
    expect(x.actors.find((a) => a.name === 'Kirill Dmitriev')?.affiliation?.ref).not.toBe('country:United States');
  });
  it('a country named by its name (not a demonym) before "delegation" or "side" leads a delegation too', () => {
    const x = extract(doc('The talks, led on the US side by special envoy Steve Witkoff and presidential adviser Jared Kushner, lasted five hours.', '2025-12-03'));
    expect(x.actors.find((a) => a.name === 'Jared Kushner')?.affiliation?.ref).toBe('country:United States');
  });
  it('a planned meeting and a held one in seed 001', () => {
    const ms = meetingsOf(extract(seed('001')));
    const miami = ms.find((m) => m.place?.name === 'Miami')!;
    expect(miami).toMatchObject({ status: 'planned', date: '2025-12-04' });
    expect(miami.who).toEqual(['Jared Kushner', 'Rustem Umerov', 'Steve Witkoff']);
    const beijing = ms.find((m) => m.place?.name === 'Beijing')!;
    expect(beijing.who).toEqual(['Emmanuel Macron', 'Xi Jinping']);
    expect(beijing.status).toBe('held');
  });
  it('a call for talks is proposed, not held (seed 002)', () => {
    const ms = meetingsOf(extract(seed('002')));
    expect(ms.every((m) => m.status !== 'held' || !m.who.includes('Volodymyr Zelensky'))).toBe(true);
  });
  it('"talks between A and B" and an engagement in the same sentence are two meetings (a013)', () => {
    const ms = meetingsOf(extract(doc('It followed a three-way meeting between Turkey, the US and Ukraine and an engagement between the head of the Russian delegation, presidential aide Vladimir Medinsky, and the US team.', '2025-05-17')));
    expect(ms.map((m) => m.who)).toEqual([['Turkey', 'Ukraine', 'United States'], ['Russia', 'United States', 'Vladimir Medinsky']]);
  });
  it('delegations named by demonyms are their countries; the topic of the talks is not a party (a018)', () => {
    const ms = meetingsOf(extract(doc('Senior US and Russian officials held meetings in Abu Dhabi on Monday about a proposed plan for ending the Ukraine war as Washington intensified efforts to broker a deal between Russia and Ukraine, according to media reports.')));
    expect(ms).toHaveLength(1);
    expect(ms[0]!.who).toEqual(['Russia', 'United States']);
    expect(ms[0]).toMatchObject({ place: { name: 'Abu Dhabi' }, date: null, dateText: 'on Monday' });
  });
  it('"his Iranian counterpart" is the Iranian with the same office; "He also met" keeps the place (a036)', () => {
    const ms = meetingsOf(
      extract(
        doc(
          'The delegations, led by Iranian Foreign Minister Abbas Araghchi and US special envoy to the Middle East Steve Witkoff, convened in Rome, with Oman acting as mediator.\nItalian Foreign Minister Antonio Tajani met with his Iranian counterpart on Saturday ahead of the talks, the foreign ministry said. He also met with IAEA chief Rafael Mariano Grossi.',
        ),
      ),
    );
    expect(ms.map((m) => m.who)).toEqual([
      ['Abbas Araghchi', 'Oman', 'Steve Witkoff'],
      ['Abbas Araghchi', 'Antonio Tajani'],
      ['Antonio Tajani', 'Rafael Mariano Grossi'],
    ]);
    expect(ms.every((m) => m.place?.name === 'Rome')).toBe(true);
  });
  it('"will meet" is planned; "no plans had been made for a third summit" is no meeting (a023, a031)', () => {
    const ms = meetingsOf(extract(doc('Biden requested that both countries institutionalize the military-to-military dialogues, and U.S. Secretary of Defense Lloyd Austin will meet his Chinese counterpart when that person is named, a senior U.S. official said.', '2023-11-16')));
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ status: 'planned', who: ['China', 'Lloyd Austin'] });
    expect(meetingsOf(extract(doc('Speaking at the news conference in Hanoi, Mr Trump said no plans had been made for a third summit.')))).toHaveLength(0);
  });
  it('a phone call with a fronted participant phrase (a042)', () => {
    const ms = meetingsOf(extract(doc('During a phone call with US Secretary of State Antony Blinken last Monday, Sudan’s Sovereign Council Chairman Abdel Fattah al-Burhan emphasized the need to address the government concerns.', '2024-08-09')));
    expect(ms[0]).toMatchObject({ mode: 'call', date: '2024-08-05', status: 'held', who: ['Abdel Fattah al-Burhan', 'Antony Blinken'] });
  });
  it('planned talks take the date of their relative clause (a042)', () => {
    const ms = meetingsOf(extract(doc('On July 23, the US State Department invited both the Sudanese army and the RSF to participate in Washington-mediated cease-fire negotiations, which are scheduled to begin on August 14 in Switzerland.', '2024-08-09')));
    expect(ms[0]).toMatchObject({ status: 'planned', date: '2024-08-14' });
  });
});
