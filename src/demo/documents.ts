// The department's normative documents: regulations, policies, standards, instructions, orders and
// job descriptions, each with its versions drafted, approved and in force; one under revision, one
// whose review is overdue (the clock marks it), one retired and replaced by its successor.
import { createHash } from 'node:crypto';
import { demoActors } from './context.ts';
import type { DemoModule } from './modules.ts';

const { director, specialist, methodist } = demoActors;
const n = (ky: string, ru: string, en: string) => ({ ky, ru, en });

const documents = [
  {
    tag: 'QA-REG',
    code: 'ОшМУ-Ж-001',
    type: 'regulation',
    title: n(
      'Билим берүүнүн сапатын стратегиялык пландоо бөлүмү жөнүндө жобо',
      'Положение об отделе стратегического планирования качества образования',
      'Regulation of the Department of Strategic Planning for the Quality of Education',
    ),
  },
  { tag: 'QA-POLICY', code: 'ОшМУ-С-002', type: 'policy', title: n('Сапатты камсыздоо саясаты', 'Политика обеспечения качества', 'Quality assurance policy') },
  {
    tag: 'QA-STD',
    code: 'ОшМУ-Ст-003',
    type: 'standard',
    title: n(
      'Билим берүү программаларын иштеп чыгуу стандарты',
      'Стандарт разработки образовательных программ',
      'Standard for designing educational programmes',
    ),
  },
  {
    tag: 'RATING',
    code: 'ОшМУ-Ж-004',
    type: 'regulation',
    title: n('ПОКтун рейтинги жөнүндө жобо', 'Положение о рейтинге ППС', 'Regulation on the teaching-staff rating'),
  },
  {
    tag: 'MONITOR',
    code: 'ОшМУ-Н-005',
    type: 'instruction',
    title: n('Ички мониторинг боюнча нускама', 'Инструкция по внутреннему мониторингу', 'Instruction on internal monitoring'),
  },
  {
    tag: 'ORDER',
    code: 'ОшМУ-Б-006',
    type: 'order',
    title: n(
      'Өзүн-өзү баалоо боюнча жумушчу топту түзүү жөнүндө буйрук',
      'Приказ о создании рабочей группы по самооценке',
      'Order forming the self-assessment working group',
    ),
  },
  {
    tag: 'JOB',
    code: 'ОшМУ-К-007',
    type: 'job_description',
    title: n(
      'Аккредитация секторунун башчысынын кызматтык нускамасы',
      'Должностная инструкция заведующего сектором аккредитации',
      'Job description of the head of the accreditation sector',
    ),
  },
  {
    tag: 'SURVEY',
    code: 'ОшМУ-Н-008',
    type: 'instruction',
    title: n('Студенттерди сурамжылоо тартиби', 'Порядок анкетирования студентов', 'Procedure for student surveys'),
  },
] as const;

export const documentsDemo: DemoModule = {
  name: 'documents',
  async load(demo) {
    const { send, random } = demo;
    for (const [i, doc] of documents.entries()) {
      const key = `document:${doc.tag}`;
      const { id: documentId } = await send(
        'registerDocument',
        {
          title: doc.title,
          documentType: doc.type,
          tag: doc.tag,
          code: doc.code,
          annotation: `${doc.title.ru}. ${doc.title.en}.`,
          basedOn: ['Закон КР «Об образовании»', 'Устав ОшГУ'],
        },
        specialist,
        `${key}:register`,
      );
      const ref = { documentId };
      const versions = i === 1 ? 2 : 1;
      let daysAgo = 1200 - i * 90;
      for (let version = 1; version <= versions; version++) {
        const drafted = demo.daysAgo(daysAgo);
        await send(
          'draftDocumentVersion',
          {
            ...ref,
            version,
            draftedOn: drafted,
            pages: random.int(6, 40),
            contents: ['1. Жалпы жоболор / Общие положения', '2. Максаттар жана милдеттер / Цели и задачи', '3. Жоопкерчилик / Ответственность'],
            fileSha256: createHash('sha256').update(`${doc.code} v${version}`).digest('hex'),
            fileReference: `https://oshsu.kg/docs/${doc.tag.toLowerCase()}-v${version}.pdf`,
            ...(version > 1 ? { changeSummary: 'ESG 2015 талаптарына ылайыкташтырылды / Приведено в соответствие с ESG 2015' } : {}),
          },
          methodist,
          `${key}:draft:${version}`,
        );
        // The survey procedure is still a draft; the others are approved and in force.
        if (doc.tag === 'SURVEY') break;
        const approved = demo.daysAgo(daysAgo - 14);
        // The instruction on monitoring was due for review months ago: the clock marks it overdue.
        const reviewDue = doc.tag === 'MONITOR' ? demo.daysAgo(40) : demo.daysAhead(random.int(60, 700));
        await send(
          'approveDocumentVersion',
          {
            ...ref,
            version,
            approvedOn: approved,
            approvingBody: `Окумуштуулар кеңеши / Учёный совет (протокол № ${random.int(1, 12)})`,
            nextReviewDue: reviewDue,
          },
          director,
          `${key}:approve:${version}`,
        );
        await send('putDocumentVersionInForce', { ...ref, version, inForceFrom: demo.daysAgo(daysAgo - 20) }, director, `${key}:in-force:${version}`);
        daysAgo -= 400;
      }
      if (doc.tag === 'QA-STD') {
        await send(
          'recordDocumentReview',
          {
            ...ref,
            reviewedOn: demo.daysAgo(30),
            outcome: 'revision_needed',
            notes: 'Жаңы мамлекеттик стандарттарга ылайыкташтыруу керек / Требуется привести в соответствие с новыми ГОС',
            nextReviewDue: demo.daysAhead(150),
          },
          specialist,
          `${key}:review`,
        );
      }
      if (doc.tag === 'JOB') {
        await send(
          'retireDocument',
          { ...ref, retiredOn: demo.daysAgo(15), reason: 'Сектордун түзүмү өзгөрдү / Изменилась структура сектора' },
          director,
          `${key}:retire`,
        );
      }
    }
  },
};
