// The department's secretariat: data requests to the faculties for the self-assessment and the
// national rating (most answered and accepted, one returned for correction, one past its due date
// that the hub's clock records overdue, one still awaited); a session of the educational-methodical
// association (UMO) with its quorum and decisions, one carried out; a seminar held; the analytical
// report on last year's teaching-staff rating, returned once, approved and sent to the rector; and
// a press release on the QS result, approved and published on the university's website.
import type { Actor } from '../domain/decider.ts';
import { demoActors } from './context.ts';
import type { DemoModule } from './modules.ts';
import { personName } from './people.ts';
import { units } from './university.ts';

const { director, seniorInspector, specialist, methodist, ratingHead } = demoActors;

export const secretariatDemo: DemoModule = {
  name: 'secretariat',
  async load(demo) {
    const { send, random, year } = demo;

    // Data requests: the figures the national rating and the self-assessment reports need, from six units.
    const figures = [
      { name: 'Students enrolled', unit: 'persons' },
      { name: 'Teachers with academic degrees', unit: 'persons' },
      { name: 'Graduates employed within a year', unit: '%' },
    ];
    const asked = units.filter((u) => u.kind === 'faculty' || u.kind === 'institute').slice(0, 6);
    for (const [i, unit] of asked.entries()) {
      const key = `secretariat:request:${unit.key}`;
      const head: Actor = { id: `demo-head-${unit.key}`, name: personName(random), roles: ['unit_head'], unit: unit.key };
      const overdue = i === 4;
      const awaited = i === 5;
      const sentOn = demo.daysAgo(overdue ? 40 : awaited ? 5 : 35);
      const { id: dataRequestId } = await send(
        'sendDataRequest',
        {
          subject: `${year}-жылдын улуттук рейтинги үчүн маалыматтар / Данные для национального рейтинга ${year}`,
          question: 'Көрсөткүчтөрдү 1-октябрга карата бериңиз / Представьте показатели по состоянию на 1 октября',
          figures,
          unitKind: unit.kind === 'faculty' ? 'faculty' : 'office',
          unit: unit.key,
          sentOn,
          // Answered requests were due later than they were answered: the clock, which runs beside the
          // load, would otherwise see a past due date before it sees the answer.
          dueOn: overdue ? demo.daysAgo(20) : demo.daysAhead(awaited ? 15 : 10),
        },
        i % 2 === 0 ? specialist : methodist,
        key,
      );
      if (overdue || awaited) continue; // the clock records the overdue one; the last is not due yet
      const values = (students: number) => [
        { name: 'Students enrolled', value: students },
        { name: 'Teachers with academic degrees', value: random.int(40, 160) },
        { name: 'Graduates employed within a year', value: random.int(55, 88) },
      ];
      const students = random.int(900, 4200);
      await send('answerDataRequest', { dataRequestId, answeredOn: demo.daysAgo(24), values: values(students) }, head, `${key}:answer`);
      if (i === 3) {
        // The figure disagreed with the Registrar's count: returned for correction.
        await send(
          'returnDataRequestResponse',
          {
            dataRequestId,
            returnedOn: demo.daysAgo(22),
            reason: 'Студенттердин саны каттоо бөлүмүнүн маалыматына дал келбейт / Число студентов не совпадает с данными регистратора',
            correctionDueOn: demo.daysAhead(7),
          },
          specialist,
          `${key}:return`,
        );
        continue; // left returned: the corrected answer has not come yet
      }
      await send('acceptDataRequestResponse', { dataRequestId, acceptedOn: demo.daysAgo(20) }, specialist, `${key}:accept`);
    }

    // The UMO session: 9 members, 7 present (a quorum), three decisions.
    const members = Array.from({ length: 9 }, () => personName(random));
    const { id: umoSessionId } = await send(
      'scheduleUmoSession',
      {
        title: 'ОУБ отуруму № 3 / Заседание УМО № 3',
        scheduledOn: demo.daysAgo(50),
        place: 'Башкы имарат, 214-аудитория / Главный корпус, ауд. 214',
        members,
        agenda: [
          'Билим берүү программаларынын окуу пландарын жаңылоо / Обновление учебных планов',
          'Электрондук окуу курстарын бекитүү / Утверждение электронных курсов',
        ],
      },
      methodist,
      'secretariat:umo',
    );
    await send(
      'addUmoAgendaItem',
      { umoSessionId, item: 'Студенттердин сурамжылоосунун жыйынтыктары / Итоги анкетирования студентов' },
      methodist,
      'secretariat:umo:item3',
    );
    await send('recordUmoAttendance', { umoSessionId, present: members.slice(0, 7) }, methodist, 'secretariat:umo:attendance');
    const decisions = [
      {
        agendaItem: 1,
        decision: 'Окуу пландарын 1-сентябрга чейин жаңылоо / Обновить учебные планы до 1 сентября',
        responsible: 'Деканаттар / Деканаты',
        dueOn: demo.daysAgo(20),
      },
      { agendaItem: 2, decision: '12 электрондук курсту бекитүү / Утвердить 12 электронных курсов', responsible: methodist.name, dueOn: demo.daysAgo(10) },
      {
        agendaItem: 3,
        decision: 'Жыйынтыктарды кафедраларда талкуулоо / Обсудить итоги на кафедрах',
        responsible: 'Кафедралар / Кафедры',
        dueOn: demo.daysAhead(20),
      },
    ];
    for (const [i, d] of decisions.entries()) await send('recordUmoDecision', { umoSessionId, ...d }, methodist, `secretariat:umo:decision:${i + 1}`);
    await send(
      'completeUmoDecision',
      { umoSessionId, decisionNumber: 2, doneOn: demo.daysAgo(12), note: 'Бекитилди, ректордун буйругу / Утверждены приказом ректора' },
      methodist,
      'secretariat:umo:decision:2:done',
    );

    // A seminar on the self-assessment, held, with its materials.
    const { id: meetingId } = await send(
      'planMeeting',
      {
        topic: 'Программалык аккредитацияга өзүн-өзү баалоо отчетун даярдоо / Подготовка отчёта по самооценке',
        kind: 'seminar',
        date: demo.daysAgo(30),
        place: 'Конференц-зал',
        organiser: seniorInspector.name,
        participants: ['Деканаттар / Деканаты', 'Кафедра башчылары / Заведующие кафедрами'],
        plannedOn: demo.daysAgo(45),
      },
      seniorInspector,
      'secretariat:meeting:seminar',
    );
    await send(
      'addMeetingMaterial',
      { meetingId, material: { title: 'Презентация: өзүн-өзү баалоонун критерийлери', reference: 'https://oshsu.kg/docs/sar-seminar.pdf' } },
      seniorInspector,
      'secretariat:meeting:seminar:material',
    );
    await send(
      'recordMeetingOutcome',
      { meetingId, heldOn: demo.daysAgo(30), attended: ['42 катышуучу / 42 участника'], outcome: 'Отчеттордун түзүмү боюнча сунуштар кабыл алынды' },
      seniorInspector,
      'secretariat:meeting:seminar:outcome',
    );

    // The analytical report on last year's rating: returned once for rework, approved, sent to the rector.
    const campaignId = demo.facts.ids.get('rating-campaign');
    const { id: analyticalReportId } = await send(
      'prepareAnalyticalReport',
      {
        title: `${year - 1}-жылдын ПОК рейтингинин жыйынтыктары / Итоги рейтинга ППС за ${year - 1} год`,
        subject: 'Окутуучулардын рейтинги / Рейтинг преподавателей',
        periodFrom: `${year - 1}-01-01`,
        periodTo: `${year - 1}-12-31`,
        summary:
          'Орточо балл өстү; илимий иш боюнча факультеттердин ортосундагы айырма сакталууда / Средний балл вырос; разрыв между факультетами по научной работе сохраняется',
        references: campaignId ? [{ kind: 'rating_campaign', id: campaignId }] : [],
        preparedOn: demo.daysAgo(14),
      },
      ratingHead,
      'secretariat:report:rating',
    );
    await send('submitAnalyticalReport', { analyticalReportId, submittedOn: demo.daysAgo(12) }, ratingHead, 'secretariat:report:rating:submit');
    await send(
      'returnAnalyticalReport',
      { analyticalReportId, returnedOn: demo.daysAgo(10), reason: 'Колледждер боюнча бөлүм кошулсун / Добавить раздел по колледжам' },
      director,
      'secretariat:report:rating:return',
    );
    await send('submitAnalyticalReport', { analyticalReportId, submittedOn: demo.daysAgo(8) }, ratingHead, 'secretariat:report:rating:resubmit');
    await send('approveAnalyticalReport', { analyticalReportId, approvedOn: demo.daysAgo(7) }, director, 'secretariat:report:rating:approve');
    await send(
      'sendAnalyticalReport',
      { analyticalReportId, sentOn: demo.daysAgo(6), recipientKind: 'management', recipient: 'Ректорат / Ректорат' },
      ratingHead,
      'secretariat:report:rating:send',
    );

    // A press release on the QS result, approved by the director and published.
    const { id: publicationId } = await send(
      'draftPublication',
      {
        title: 'ОшМУ QS Asia рейтингинде позициясын жакшыртты / ОшГУ улучшил позиции в рейтинге QS Asia',
        kind: 'press_release',
        topic: 'rankings',
        body: 'Ош мамлекеттик университети QS Asia рейтингинде 501–550 тобуна кирди. / Ошский государственный университет вошёл в группу 501–550 рейтинга QS Asia.',
        draftedOn: demo.daysAgo(9),
      },
      methodist,
      'secretariat:publication:qs',
    );
    await send('approvePublication', { publicationId, approvedOn: demo.daysAgo(8) }, director, 'secretariat:publication:qs:approve');
    await send(
      'publishPublication',
      { publicationId, publishedOn: demo.daysAgo(8), channel: 'oshsu.kg', link: 'https://www.oshsu.kg/news/qs-asia' },
      methodist,
      'secretariat:publication:qs:publish',
    );
  },
};
