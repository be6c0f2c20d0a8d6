// Licences: one per programme (a licence appendix), in every state the registry knows. Most are in
// force; a few expired (the hub's clock records the expiry) and were applied for again; a few are
// suspended or revoked, and the newest applications sit at each step before a grant.
import type { DemoModule } from './modules.ts';
import { demoActors, type DemoContext } from './context.ts';
import { personName } from './people.ts';
import { programmes, unitName, type DemoProgramme } from './university.ts';

export const programmeKey = (p: Pick<DemoProgramme, 'code' | 'level' | 'formOfStudy'>) => `${p.code}/${p.level}/${p.formOfStudy}`;

type Fate = 'applied' | 'under_expert_review' | 'conclusion_positive' | 'conclusion_negative' | 'active' | 'suspended' | 'revoked' | 'expired' | 'renewed';

/** What becomes of each programme's licence, by its index in the catalogue: every state, most in force. */
function fateOf(index: number): Fate {
  const special: Record<number, Fate> = {
    5: 'under_expert_review',
    8: 'conclusion_positive',
    12: 'applied',
    15: 'conclusion_negative',
    21: 'under_expert_review',
    28: 'applied',
    33: 'suspended',
    36: 'expired',
    40: 'renewed',
    44: 'conclusion_positive',
    46: 'revoked',
    49: 'suspended',
    53: 'renewed',
    55: 'expired',
    58: 'applied',
    61: 'revoked',
  };
  return special[index] ?? 'active';
}

async function licenceFor(demo: DemoContext, programme: DemoProgramme, index: number, fate: Fate, round = 0): Promise<string> {
  const { send, random } = demo;
  const { specialist, accreditationHead, director } = demoActors;
  const key = `licence:${index}:${round}`;
  // Dates walk forward from the application; a licence in force was granted one to nine years ago.
  const pending = fate === 'applied' || fate === 'under_expert_review' || fate === 'conclusion_positive' || fate === 'conclusion_negative';
  const ended = fate === 'expired' || (fate === 'renewed' && round === 0);
  const start = pending ? random.int(20, 120) : round > 0 ? random.int(60, 100) : ended ? random.int(5 * 365 + 100, 6 * 365) : random.int(400, 9 * 365);
  const applied = demo.daysAgo(start);
  const { id: licenseId } = await send(
    'applyForLicense',
    {
      programme: { code: programme.code, name: programme.name, level: programme.level, formOfStudy: programme.formOfStudy, faculty: unitName(programme.unit) },
      requestedCapacity: programme.level === 'master' || programme.level === 'postgraduate' ? random.int(2, 5) * 10 : random.int(5, 30) * 25,
      address: random.pick(['г. Ош, ул. Ленина, 331', 'г. Ош, ул. Г. Айтиева, 61', 'г. Ош, ул. Н. Исанова, 79']),
      submittedOn: applied,
    },
    specialist,
    `${key}:apply`,
  );
  if (fate === 'applied') return licenseId;
  const formed = demo.daysAgo(start - 7);
  await send(
    'formExpertGroup',
    {
      licenseId,
      kind: random.chance(0.7) ? 'expert_group' : 'working_group',
      members: [
        { name: personName(random), role: 'chair', affiliation: 'Илим, жогорку билим берүү жана инновациялар министрлиги' },
        { name: personName(random), role: 'member', affiliation: 'Кыргыз билим берүү академиясы' },
        { name: personName(random), role: 'secretary' },
      ],
      formedOn: formed,
    },
    specialist,
    `${key}:group`,
  );
  if (fate === 'under_expert_review') return licenseId;
  const negative = fate === 'conclusion_negative';
  await send(
    'recordExpertConclusion',
    {
      licenseId,
      outcome: negative ? 'negative' : 'positive',
      summary: negative
        ? 'Клиникалык базалар жетишсиз, окутуучулардын 40%дан азы илимий даражага ээ. / Недостаточно клинических баз, доля преподавателей со степенью ниже 40%.'
        : 'Материалдык-техникалык база, кадрдык курам жана окуу-методикалык камсыздоо талаптарга жооп берет. / Материально-техническая база, кадровый состав и учебно-методическое обеспечение соответствуют требованиям.',
      concludedOn: demo.daysAgo(start - 20),
    },
    specialist,
    `${key}:conclusion`,
  );
  if (negative || fate === 'conclusion_positive') return licenseId;
  const grantedAgo = start - 30;
  const granted = demo.daysAgo(grantedAgo);
  // Licences of recent years are granted without a time limit; older ones for five years, a few of
  // which end within the next months (the deadlines and expiry alerts have something to show).
  const timeLimited = ended || (index % 3 === 0 && grantedAgo < 5 * 365);
  const validUntil = ended ? demo.daysAgo(grantedAgo - 5 * 365) : timeLimited ? demo.daysAgo(grantedAgo - 5 * 365) : undefined;
  const year = granted.slice(2, 4);
  await send(
    'grantLicense',
    {
      licenseId,
      licenseNumber: `LS${year}000${String(index).padStart(2, '0')}${round}${random.int(10, 99)}`,
      appendixNumber: String(index + 1),
      grantedOn: granted,
      ...(validUntil ? { validUntil } : { indefinite: true }),
    },
    random.chance(0.5) ? director : accreditationHead,
    `${key}:grant`,
  );
  if (fate === 'suspended') {
    await send(
      'suspendLicense',
      {
        licenseId,
        reason: 'Мамлекеттик текшерүүнүн жыйынтыгы боюнча бузуулар четтетилгенге чейин. / До устранения нарушений, выявленных плановой проверкой.',
        suspendedOn: demo.daysAgo(random.int(10, 60)),
        orderNumber: `№ ${random.int(100, 999)}/1`,
      },
      director,
      `${key}:suspend`,
    );
  }
  if (fate === 'revoked') {
    await send(
      'revokeLicense',
      {
        licenseId,
        reason: 'Программа боюнча кабыл алуу токтотулуп, акыркы бүтүрүүчүлөр чыкты. / Приём на программу прекращён, последний выпуск завершён.',
        basis: `Приказ МНВОИ КР № ${random.int(100, 900)}`,
        revokedOn: demo.daysAgo(random.int(30, 200)),
      },
      director,
      `${key}:revoke`,
    );
  }
  if (fate === 'active' && grantedAgo > 60 && random.chance(0.25)) {
    await send(
      'amendLicense',
      {
        licenseId,
        capacity: random.int(6, 34) * 25,
        reason: 'Окуу корпусунун жаңы имаратынын эсебинен контингент көбөйтүлдү. / Контингент увеличен за счёт нового учебного корпуса.',
        amendedOn: demo.daysAgo(random.int(1, grantedAgo - 1)),
      },
      accreditationHead,
      `${key}:amend`,
    );
  }
  return licenseId;
}

export const licensingDemo: DemoModule = {
  name: 'licensing',
  async load(demo) {
    for (const [index, programme] of programmes.entries()) {
      const fate = fateOf(index);
      let licenseId = await licenceFor(demo, programme, index, fate);
      let status: string = fate;
      if (fate === 'renewed') {
        // The old licence's validity ended: the hub's clock records the expiry before the new application links to it.
        await demo.settle();
        licenseId = await licenceFor(demo, programme, index, 'active', 1);
        status = 'active';
      }
      demo.facts.licences.set(programmeKey(programme), { licenseId, status });
    }
  },
};
