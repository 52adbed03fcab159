import { doc, extract, positionsOf, seed } from './helpers';

const one = (text: string, published?: string) => positionsOf(extract(doc(text, published)));

describe('positions', () => {
  it('negation: "will not back" is opposition, held by the group that insists (seed 000)', () => {
    const ps = one('European allies, who swiftly drafted their own counter‑proposal after the original Trump plan leaked, insist they will not back an agreement that forces Kyiv into capitulation or legitimises Russia’s annexation of Ukrainian land.');
    expect(ps.find((p) => p.who === 'European allies')?.stance).toBe('opposes');
  });
  it('a condition: "prepared to discuss X in exchange for Y" (seed 002)', () => {
    const ps = one('Late on Monday, President Zelensky said he was prepared to discuss a commitment from Ukraine not to seek NATO membership in exchange for a cease-fire, the withdrawal of Russian troops and a guarantee of Ukraine’s security.', '2022-03-22');
    expect(ps[0]).toMatchObject({ who: 'Zelensky', stance: 'conditional', issue: 'NATO membership' });
  });
  it('reported speech belongs to the speaker, not the agency (seed 001)', () => {
    const x = extract(seed('001'));
    const ps = positionsOf(x);
    expect(ps.some((p) => p.who === 'Vladimir Putin' && p.stance === 'opposes' && /unacceptable/.test(p.statement))).toBe(true);
    expect(x.positions.every((p) => !/Tass|RIA/.test(x.actors.find((a) => a.ref === p.holder)!.name))).toBe(true);
  });
  it('"must" is the speaker’s demand even with another subject (a036)', () => {
    const ps = one('US special envoy Steve Witkoff arrived.\nWitkoff on April 15 said Iran must dismantle its uranium-enrichment program, hours after he’d said the country could continue low-level enrichment for civilian use.');
    expect(ps[0]).toMatchObject({ who: 'Steve Witkoff', stance: 'demands', issue: 'uranium enrichment' });
  });
  it('"does not support" after "but" is the U.S. opposing (a024)', () => {
    const ps = one('Biden has provided Taiwan with military support, but the U.S. has stressed it does not support Taiwan independence.');
    expect(ps.find((p) => p.who === 'United States')?.stance).toBe('opposes');
    expect(ps.find((p) => p.who === 'Taiwan')).toBeUndefined();
  });
  it('stance verbs with coordinated subjects; invitations; acceptance (a023, a042)', () => {
    const ps = one('U.S. President Joe Biden and Chinese leader Xi Jinping met.\nBiden and Xi agreed China would stem the export of items related to the production of the opioid fentanyl.');
    expect(ps.map((p) => [p.who, p.stance, p.issue]).sort()).toEqual([
      ['Joe Biden', 'supports', 'fentanyl'],
      ['Xi Jinping', 'supports', 'fentanyl'],
    ]);
    expect(one('RSF leader Mohamed Hamdan Dagalo has since accepted the invitation.')[0]).toMatchObject({ who: 'Mohamed Hamdan Dagalo', stance: 'supports' });
    expect(one('On July 23, the US State Department invited both the Sudanese army and the RSF to participate in Washington-mediated cease-fire negotiations.')[0]).toMatchObject({ who: 'United States', stance: 'proposes' });
  });
  it('a name inside an organization is no cue; a participle is no proposal (a041, a019)', () => {
    expect(one('The United States and Saudi governments confirmed direct talks between the warring Sudanese army and the Rapid Support Forces would start in Jeddah on Saturday.')).toHaveLength(0);
    expect(one('Ukrainian officials confirmed that Washington had agreed to strengthen the draft security guarantees proposed in the initial plan.')).toEqual([
      expect.objectContaining({ who: 'United States', stance: 'supports', issue: 'security guarantees' }),
    ]);
  });
});
