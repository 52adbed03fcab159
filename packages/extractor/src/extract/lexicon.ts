/**
 * Closed word lists of news English that the rules rely on. They are about
 * the language (how reporters write "X said", "talks between A and B"), not
 * about any article.
 */
const set = (s: string) => new Set(s.trim().split(/\s+/));

/** Capitalized only because they start a sentence or a heading: never part of a name. */
export const FUNCTION_WORDS = set(`
a an the this that these those there here it its it's he she his her him they them their we our us i my me you your
and or but nor so yet for of on in at to from by with without about over under into onto upon after before during
while when whenever where whereas although though because since until unless if whether as than then also even
not no yes only just still already again once twice both either neither each every all any some many much more most
few several other another such what which who whom whose why how however meanwhile moreover furthermore earlier later
today tomorrow yesterday tonight now recently previously currently finally first second third last next despite
according amid among between through throughout toward towards against along across around behind beyond near
speaking asked asked signing following according addressing meeting talking writing reporting citing
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december dec nov oct sept sep aug jul jun apr mar feb jan
mr mrs ms dr sir madam lady lord
statements statement sources source officials official experts analysts critics diplomats
story highlights photo video watch read more live update updates breaking exclusive analysis opinion
overall authorities international foreign diplomatic delegations delegation talks negotiations summit president
`);

/** Verbs that report speech or a stated position: "X said", "X told reporters". */
export const SPEECH_VERBS = set(`
said says say saying told tells tell added adds stated states noted notes stressed stresses emphasized emphasised
emphasizes emphasises warned warns wrote writes posted posts announced announces insisted insists declared declares
argued argues claimed claims explained explains acknowledged acknowledges admitted admits confirmed confirms
reiterated reiterates repeated repeats asserted asserts maintained maintains suggested suggests indicated indicates
urged urges underlined underlines highlighted highlights remarked remarks commented comments replied replies
responded responds answered answers tweeted recalled recalls pointed described describes called calls
criticized criticised criticizes criticises accused accuses blasted blasts denied denies disputed disputes
welcomed welcomes rejected rejects demanded demands proposed proposes offered offers expressed expresses
agreed agrees refused refuses requested requests vowed vows pledged pledges promised promises predicted
conceded concedes cautioned cautions signaled signalled signals hinted hints
`);

/** Verbs a person does (used as weak evidence that a capitalized pair is a person). */
export const PERSON_VERBS = set(`
said says told tells added stated noted stressed warned wrote posted announced insisted declared argued claimed
explained acknowledged admitted confirmed reiterated repeated asserted urged met meets meet visited visits
spoke speaks greeted welcomed thanked called phoned travelled traveled arrived flew led leads chaired hosted
signed agreed rejected refused demanded proposed offered accused blasted criticized criticised denied
`);

/** Words after which a capitalized name is a place, not an actor: "in Moscow", "to Kyiv". */
export const PLACE_PREPS = set(`in at to from near outside inside into across around throughout via toward towards en`);

/** Prepositions whose object is a topic, not a party: "talks on Ukraine", "deal over Iran's program". */
export const TOPIC_PREPS = set(`on about over regarding concerning against for into toward towards of`);

/** Subordinators and coordinators that open a new clause. */
export const CLAUSE_OPENERS = set(`
after before as while because although though since until unless if whether when whenever where which who whom whose
that despite amid following but and so whereas
`);

export const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

export const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

/**
 * Capitalized words that head the names of institutions, places and
 * documents, never of people: "State Department", "Peace Formula".
 */
export const NON_PERSON_HEADS = set(`
agency department ministry council union authority organization organisation committee commission party front movement
army forces force bank fund court assembly parliament congress senate office service services institute group alliance
coalition corps guard guards brigade brigades militia directorate staff command administration government cabinet
presidency secretariat mission embassy consulate palace house hall building tower square street avenue road plaza hotel
center centre university college school academy hospital plant station airport port base park market complex stadium
formula plan declaration accord accords agreement treaty protocol charter initiative framework deal process summit
conference forum dialogue talks format program programme project strategy doctrine act law bill
east west north south central eastern western northern southern peninsula gulf sea ocean river mountains valley region
province state states republic kingdom emirates islands island city county district oblast krai
news times post journal herald tribune telegraph gazette daily weekly radio television tv channel network press media
ceremony signing meeting session round war crisis conflict campaign operation offensive
company corporation inc ltd llc holdings industries airlines group energy oil gas
americans europeans africans asians
`);

/** Lower-case name particles that may sit inside a personal name ("Mohammed bin Salman", "Lula da Silva"). */
export const NAME_PARTICLES = set(`bin ibn bint al el ad as ash at az de da do dos das du van von der den del della di la le ter abu`);

/** Verbs of saying only (not of stance): the subject reports, the content is elsewhere. */
export const SAY_VERBS = set(`
said says say told tells added adds stated states noted notes wrote writes posted posts announced announces
declared declares explained explains confirmed confirms reported reports quoted quotes tweeted replied responded
recalled remarked commented
`);
