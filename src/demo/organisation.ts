// The department itself: its staffing table established by the rector's order, the director
// appointed by order, the heads proposed by the director, their staff proposed by the heads with
// the director's consent, each appointment made by the rector's order; one inspector's rate left
// vacant after the director declined a candidate. The demo's people are appointed under their own
// ids, so a token naming them gets their position's rights. A deputy acted for the director during
// last summer's leave; the director's tasks are partly done, partly overdue (the hub's clock marks
// them); the working schedule is approved; overtime on the admission campaign was approved and
// part of it taken as time off.
import type { Actor } from '../domain/decider.ts';
import type { StaffPosition } from '../domain/organisation-units.ts';
import { demoActors } from './context.ts';
import type { DemoModule } from './modules.ts';

const { director, accreditationHead, ratingHead, seniorInspector, specialist, methodist } = demoActors;
export const rector: Actor = { id: 'demo-rector', name: 'Кожобеков Кудайберди', roles: ['rector'] };

export const organisationDemo: DemoModule = {
  name: 'organisation',
  async load(demo) {
    const { send, year } = demo;
    let orders = 0;
    const order = (date: string) => ({ orderNumber: `${String(++orders * 7 + 100)}-к`, orderDate: date });
    const appointedOn = `${year - 3}-09-01`;

    await send('establishStaffingTable', order(`${year - 3}-08-25`), rector, 'org:table');
    await send('appointDirector', { personId: director.id, personName: director.name, ...order(appointedOn) }, rector, 'org:director');

    /** Proposal, consent (implied when the director proposes a head), the rector's order. */
    const appoint = async (proposer: Actor, person: { id: string; name: string }, position: StaffPosition, on: string, key: string) => {
      const { id: caseId } = await send(
        'proposeStaffAppointment',
        { personId: person.id, personName: person.name, position, proposedOn: on },
        proposer,
        `${key}:propose`,
      );
      if (proposer !== director) await send('consentToStaffCase', { caseId, consentedOn: on }, director, `${key}:consent`);
      await send('recordStaffCaseOrder', { caseId, ...order(on) }, rector, `${key}:order`);
      return caseId;
    };
    await appoint(director, accreditationHead, 'head_of_accreditation_sector', `${year - 3}-09-05`, 'org:head-accreditation');
    await appoint(director, ratingHead, 'head_of_rating_division', `${year - 3}-09-05`, 'org:head-rating');
    await appoint(accreditationHead, seniorInspector, 'senior_inspector', `${year - 3}-09-12`, 'org:senior-inspector-1');
    await appoint(
      accreditationHead,
      { id: 'demo-senior-inspector-2', name: 'Каримов Талант' },
      'senior_inspector',
      `${year - 2}-02-01`,
      'org:senior-inspector-2',
    );
    await appoint(accreditationHead, specialist, 'specialist', `${year - 3}-09-12`, 'org:specialist');
    await appoint(accreditationHead, { id: 'demo-inspector-1', name: 'Орозбаева Мээрим' }, 'inspector', `${year - 2}-09-01`, 'org:inspector-1');
    await appoint(ratingHead, { id: 'demo-rating-inspector', name: 'Ташиева Бермет' }, 'rating_inspector', `${year - 3}-09-12`, 'org:rating-inspector');
    await appoint(ratingHead, methodist, 'methodist', `${year - 3}-09-12`, 'org:methodist');

    // The second inspector's rate: the candidate was declined, and the rate stays vacant.
    const { id: declined } = await send(
      'proposeStaffAppointment',
      { personId: 'demo-candidate-inspector', personName: 'Насыров Элдияр', position: 'inspector', proposedOn: demo.daysAgo(40) },
      accreditationHead,
      'org:inspector-2:propose',
    );
    await send(
      'declineStaffCase',
      { caseId: declined, reason: 'Аккредитация боюнча тажрыйбасы жок / Нет опыта работы по аккредитации', declinedOn: demo.daysAgo(35) },
      director,
      'org:inspector-2:decline',
    );

    // Last summer the head of the accreditation sector acted for the director on leave; the clock ended it.
    await send(
      'designateActingDirector',
      {
        personId: accreditationHead.id,
        personName: accreditationHead.name,
        startsOn: `${year - 1}-07-15`,
        endsOn: `${year - 1}-08-09`,
        orderNumber: `${year - 1}/318-к`,
        reason: 'Директордун эмгек өргүүсү / Трудовой отпуск директора',
      },
      rector,
      'org:acting:summer',
    );

    // The working schedule: 8:30 to 17:30 with lunch, a short Saturday.
    await send(
      'setWorkingSchedule',
      {
        weekdayStart: '08:30',
        weekdayEnd: '17:30',
        lunchStart: '12:30',
        lunchEnd: '13:30',
        saturdayStart: '09:00',
        saturdayEnd: '13:00',
        effectiveFrom: demo.daysAgo(300),
      },
      director,
      'org:schedule',
    );
    await send('approveWorkingSchedule', { version: 1, approvedOn: demo.daysAgo(305) }, rector, 'org:schedule:approve');

    // The director's tasks: done (with feedback), in progress, overdue. Those done were done before
    // their due date, still ahead: the hub's clock, running beside the load, marks a task overdue as
    // soon as it sees a past due date, before the completion that follows reaches it.
    type DemoTask = {
      key: string;
      title: string;
      assigneePersonId?: string;
      assigneePersonName?: string;
      assigneeUnit?: 'accreditation_sector' | 'rating_division';
      assignedOn: string;
      dueOn: string;
      done?: string;
      progress?: string;
    };
    const tasks: DemoTask[] = [
      {
        key: 'sar',
        title: 'Медицина факультетинин өзүн-өзү баалоо отчетун текшерүү',
        assigneePersonId: seniorInspector.id,
        assigneePersonName: seniorInspector.name,
        assignedOn: demo.daysAgo(20),
        dueOn: demo.daysAhead(5),
        done: demo.daysAgo(3),
      },
      {
        key: 'licences',
        title: 'Лицензиялардын реестрин жаңылоо / Актуализировать реестр лицензий',
        assigneeUnit: 'accreditation_sector',
        assignedOn: demo.daysAgo(15),
        dueOn: demo.daysAhead(10),
        done: demo.daysAgo(1),
      },
      {
        key: 'qs-lists',
        title: 'QS үчүн академиялык байланыштардын тизмесин түзүү',
        assigneePersonId: methodist.id,
        assigneePersonName: methodist.name,
        assignedOn: demo.daysAgo(30),
        dueOn: demo.daysAgo(7),
        progress: 'Тизмеге 240 байланыш кошулду / В список внесено 240 контактов',
      },
      {
        key: 'rating-report',
        title: 'ПОК рейтингинин жыйынтыктары боюнча аналитикалык маалымкат',
        assigneeUnit: 'rating_division',
        assignedOn: demo.daysAgo(25),
        dueOn: demo.daysAgo(3),
      },
      {
        key: 'monitoring',
        title: 'Окуу процессинин мониторингинин планын даярдоо',
        assigneePersonId: specialist.id,
        assigneePersonName: specialist.name,
        assignedOn: demo.daysAgo(5),
        dueOn: demo.daysAhead(20),
      },
    ];
    for (const { key, done, progress, ...task } of tasks) {
      const { id: taskId } = await send('assignOrganisationTask', task, director, `org:task:${key}`);
      const doer: Actor = task.assigneeUnit === 'accreditation_sector' ? accreditationHead : ratingHead;
      // A unit's task is reported by its head, who is a member of the unit; a person's by the director on their behalf.
      const reporter = task.assigneeUnit ? { ...doer, unit: task.assigneeUnit } : director;
      if (progress)
        await send('reportOrganisationTaskProgress', { taskId, note: progress, reportedOn: demo.daysAgo(10) }, reporter, `org:task:${key}:progress`);
      if (done) {
        await send('completeOrganisationTask', { taskId, result: 'Аткарылды / Выполнено', completedOn: done }, reporter, `org:task:${key}:done`);
        await send(
          'giveOrganisationTaskFeedback',
          { taskId, feedback: 'Убагында жана сапаттуу / Своевременно и качественно', givenOn: done },
          director,
          `org:task:${key}:feedback`,
        );
      }
    }

    // Overtime on the admission campaign and an open day; approved, part taken as time off.
    const overtime = [
      { person: seniorInspector, by: accreditationHead, event: 'Кабыл алуу комиссиясы / Приёмная кампания', workedOn: demo.daysAgo(130), hours: 6 },
      { person: specialist, by: accreditationHead, event: 'Кабыл алуу комиссиясы / Приёмная кампания', workedOn: demo.daysAgo(123), hours: 4.5 },
      { person: methodist, by: ratingHead, event: 'Ачык эшиктер күнү / День открытых дверей', workedOn: demo.daysAgo(200), hours: 5 },
    ];
    for (const [i, o] of overtime.entries()) {
      const { id: overtimeId } = await send(
        'recordOvertime',
        { personId: o.person.id, personName: o.person.name, event: o.event, workedOn: o.workedOn, hours: o.hours },
        o.by,
        `org:overtime:${i}`,
      );
      await send('approveOvertime', { personId: o.person.id, overtimeId, approvedOn: o.workedOn }, director, `org:overtime:${i}:approve`);
    }
    const { id: timeOffId } = await send(
      'grantTimeOffInLieu',
      { personId: seniorInspector.id, offOn: demo.daysAgo(100), hours: 4 },
      director,
      'org:time-off:0',
    );
    await send('recordTimeOffTaken', { personId: seniorInspector.id, timeOffId, takenOn: demo.daysAgo(100) }, accreditationHead, 'org:time-off:0:taken');
    await send('grantTimeOffInLieu', { personId: methodist.id, offOn: demo.daysAhead(12), hours: 5 }, director, 'org:time-off:1');
  },
};
