// The department's secretariat work: data requests to units, meetings, the sessions of the
// educational-methodical association (UMO), analytical reports and publications (2.1 items 13–14, 16).
import type { Catalogue } from '../catalogue.ts';

export const secretariatRules: Catalogue = {
  DATA_REQUEST_ALREADY_SENT: {
    ky: 'Бул маалымат суроо-талабы мурунтан эле бар.',
    ru: 'Этот запрос данных уже существует.',
    en: 'This data request already exists.',
  },
  DATA_REQUEST_NOT_FOUND: {
    ky: 'Мындай идентификатору бар маалымат суроо-талабы жок.',
    ru: 'Запроса данных с таким идентификатором нет.',
    en: 'No data request with this id exists.',
  },
  DATA_REQUEST_NOT_OPEN: {
    ky: 'Суроо-талап жооп күтпөйт: ага жооп берилген, ал кабыл алынган же кайтарылып алынган.',
    ru: 'Запрос не ожидает ответа: на него уже ответили, ответ принят или запрос отозван.',
    en: 'The request is not awaiting an answer: it is answered, accepted or withdrawn.',
  },
  DATA_REQUEST_UNKNOWN_FIGURE: {
    ky: 'Суроо-талапта мындай аталыштагы көрсөткүч суралбайт.',
    ru: 'Запрос не запрашивает показатель с таким названием.',
    en: 'The request asks for no figure with this name.',
  },
  DATA_REQUEST_FIGURE_TWICE: {
    ky: 'Бир көрсөткүч жоопто эки жолу берилген.',
    ru: 'Один показатель указан в ответе дважды.',
    en: 'A figure is given twice in the answer.',
  },
  DATA_REQUEST_FIGURES_MISSING: {
    ky: 'Жоопто суроо-талапта суралган айрым көрсөткүчтөр жок; баарын бериңиз.',
    ru: 'В ответе нет некоторых запрошенных показателей; укажите все.',
    en: 'The answer lacks some of the figures the request asks for; give them all.',
  },
  DATA_REQUEST_EMPTY_ANSWER: {
    ky: 'Жоопто маанилер, документтер же эскертүү болушу керек.',
    ru: 'Ответ должен содержать значения, документы или примечание.',
    en: 'An answer needs values, documents or a note.',
  },
  DATA_REQUEST_NOT_ANSWERED: {
    ky: 'Жооп берилген суроо-талапты гана кабыл алууга же оңдоого кайтарууга болот.',
    ru: 'Принять или вернуть на исправление можно только запрос, на который дан ответ.',
    en: 'Only an answered request can be accepted or returned.',
  },
  DATA_REQUEST_CORRECTION_DUE_BEFORE_RETURN: {
    ky: 'Оңдоо мөөнөтү жооп кайтарылган күндөн мурун болушу мүмкүн эмес.',
    ru: 'Срок исправления не может быть раньше даты возврата ответа.',
    en: 'The correction due date cannot be before the day the answer was returned.',
  },
  DATA_REQUEST_NOT_ACCEPTED: {
    ky: 'Жообу кабыл алынган маалымат суроо-талабына гана шилтеме берүүгө болот.',
    ru: 'Ссылаться можно только на запрос данных, ответ на который принят.',
    en: 'Only a data request whose answer was accepted can be cited.',
  },
  DATA_REQUEST_CLOSED: {
    ky: 'Жообу кабыл алынган же мурунтан эле кайтарылып алынган суроо-талапты кайтарып алууга болбойт.',
    ru: 'Запрос, ответ на который принят, или уже отозванный запрос отозвать нельзя.',
    en: 'A request whose answer was accepted, or one already withdrawn, cannot be withdrawn.',
  },
  DATA_REQUEST_ALREADY_REMINDED: {
    ky: 'Бөлүмгө бул мөөнөт тууралуу мурунтан эле эскертилген.',
    ru: 'Подразделению уже напоминали об этом сроке.',
    en: 'The unit has already been reminded of this due date.',
  },
  DATA_REQUEST_PAST_DUE: {
    ky: 'Эскертүү мөөнөт бүткөнгө чейин жөнөтүлөт; мөөнөтү өткөн суроо-талап кечиктирилген деп белгиленет.',
    ru: 'Напоминание отправляется до истечения срока; просроченный запрос отмечается просроченным.',
    en: 'A reminder comes before the due date; a request past its due date is marked overdue instead.',
  },
  DATA_REQUEST_ALREADY_OVERDUE: {
    ky: 'Суроо-талап мурунтан эле кечиктирилген деп белгиленген.',
    ru: 'Запрос уже отмечен просроченным.',
    en: 'The request is already recorded overdue.',
  },
  DATA_REQUEST_NOT_DUE: {
    ky: 'Суроо-талаптын мөөнөтү али өтө элек; ал мөөнөтү өткөндөн кийин гана кечиктирилген деп белгиленет.',
    ru: 'Срок запроса ещё не прошёл; просроченным его можно отметить только после этой даты.',
    en: 'The request is not due yet; it can be marked overdue only after its due date.',
  },
  MEETING_ALREADY_PLANNED: { ky: 'Бул жыйын мурунтан эле бар.', ru: 'Это совещание уже существует.', en: 'This meeting already exists.' },
  MEETING_NOT_FOUND: {
    ky: 'Мындай идентификатору бар жыйын жок.',
    ru: 'Совещания с таким идентификатором нет.',
    en: 'No meeting with this id exists.',
  },
  MEETING_CANCELLED: {
    ky: 'Жокко чыгарылган жыйынга материалдар кошулбайт.',
    ru: 'К отменённому совещанию материалы не добавляются.',
    en: 'A cancelled meeting takes no materials.',
  },
  MEETING_MATERIAL_ALREADY_ADDED: {
    ky: 'Бул материал жыйындын тизмесинде мурунтан эле бар.',
    ru: 'Этот материал уже есть в списке совещания.',
    en: 'This material is already listed for the meeting.',
  },
  MEETING_NOT_PLANNED: {
    ky: 'Пландалган жыйынды гана өткөрүлдү деп же жокко чыгарылды деп белгилөөгө болот.',
    ru: 'Проведённым или отменённым можно отметить только запланированное совещание.',
    en: 'Only a planned meeting can be held or cancelled.',
  },
  UMO_SESSION_ALREADY_SCHEDULED: {
    ky: 'ОМБнын бул отуруму мурунтан эле бар.',
    ru: 'Это заседание УМО уже существует.',
    en: 'This UMO session already exists.',
  },
  UMO_SESSION_NOT_FOUND: {
    ky: 'Мындай идентификатору бар ОМБ отуруму жок.',
    ru: 'Заседания УМО с таким идентификатором нет.',
    en: 'No UMO session with this id exists.',
  },
  UMO_SESSION_NOT_SCHEDULED: {
    ky: 'Отурум мурунтан эле өткөн же жокко чыгарылган; бул кадам белгиленген отурум үчүн гана жасалат.',
    ru: 'Заседание уже проведено или отменено; этот шаг возможен только для назначенного заседания.',
    en: 'The session has already been held or cancelled; this step applies to a scheduled session only.',
  },
  UMO_NOT_A_MEMBER: {
    ky: 'Катышкандардын арасында бирикменин мүчөсү эмес адам бар.',
    ru: 'Среди присутствующих есть человек, не являющийся членом объединения.',
    en: 'Someone listed as present is not a member of the association.',
  },
  UMO_ATTENDANCE_NOT_RECORDED: {
    ky: 'Чечимдер отурумга катышуу жазылгандан кийин жазылат.',
    ru: 'Решения записываются после того, как записана явка на заседание.',
    en: 'Decisions are recorded once the attendance of the session is.',
  },
  UMO_NO_QUORUM: {
    ky: 'Кворум жок: чечим кабыл алуу үчүн мүчөлөрдүн жарымынан көбү катышышы керек.',
    ru: 'Нет кворума: для принятия решения нужно присутствие более половины членов.',
    en: 'There is no quorum: more than half of the members must be present to decide.',
  },
  UMO_AGENDA_ITEM_NOT_FOUND: {
    ky: 'Отурумдун күн тартибинде мындай номердеги маселе жок.',
    ru: 'В повестке заседания нет вопроса с таким номером.',
    en: 'The session’s agenda has no item with this number.',
  },
  UMO_DECISION_DUE_BEFORE_SESSION: {
    ky: 'Чечимди аткаруу мөөнөтү отурумдун күнүнөн мурун болушу мүмкүн эмес.',
    ru: 'Срок исполнения решения не может быть раньше даты заседания.',
    en: 'A decision’s due date cannot be before the session.',
  },
  UMO_DECISION_NOT_FOUND: {
    ky: 'Отурумда мындай номердеги чечим жок.',
    ru: 'У заседания нет решения с таким номером.',
    en: 'The session has no decision with this number.',
  },
  UMO_DECISION_ALREADY_DONE: {
    ky: 'Чечим мурунтан эле аткарылган.',
    ru: 'Решение уже исполнено.',
    en: 'The decision has already been carried out.',
  },
  UMO_DECISION_ALREADY_OVERDUE: {
    ky: 'Чечим мурунтан эле кечиктирилген деп белгиленген.',
    ru: 'Решение уже отмечено просроченным.',
    en: 'The decision is already recorded overdue.',
  },
  UMO_DECISION_NOT_DUE: {
    ky: 'Чечимдин мөөнөтү али өтө элек; ал мөөнөтү өткөндөн кийин гана кечиктирилген деп белгиленет.',
    ru: 'Срок решения ещё не прошёл; просроченным его можно отметить только после этой даты.',
    en: 'The decision is not due yet; it can be marked overdue only after its due date.',
  },
  REPORT_ALREADY_PREPARED: {
    ky: 'Бул аналитикалык отчёт мурунтан эле бар.',
    ru: 'Этот аналитический отчёт уже существует.',
    en: 'This analytical report already exists.',
  },
  REPORT_NOT_FOUND: {
    ky: 'Мындай идентификатору бар аналитикалык отчёт жок.',
    ru: 'Аналитического отчёта с таким идентификатором нет.',
    en: 'No analytical report with this id exists.',
  },
  REPORT_NOT_DRAFT: {
    ky: 'Долбоор же кайтарылган отчёт гана тапшырылат.',
    ru: 'Подаётся только черновик или возвращённый отчёт.',
    en: 'Only a draft or returned report is submitted.',
  },
  REPORT_NOT_SUBMITTED: {
    ky: 'Тапшырылган отчёт гана бекитилет же кайтарылат.',
    ru: 'Утвердить или вернуть можно только поданный отчёт.',
    en: 'Only a submitted report is approved or returned.',
  },
  REPORT_NOT_APPROVED: {
    ky: 'Отчёт директор бекиткенден кийин жөнөтүлөт.',
    ru: 'Отчёт отправляется после утверждения директором.',
    en: 'A report is sent once the director has approved it.',
  },
  PUBLICATION_ALREADY_DRAFTED: {
    ky: 'Бул басылма мурунтан эле бар.',
    ru: 'Эта публикация уже существует.',
    en: 'This publication already exists.',
  },
  PUBLICATION_NOT_FOUND: {
    ky: 'Мындай идентификатору бар басылма жок.',
    ru: 'Публикации с таким идентификатором нет.',
    en: 'No publication with this id exists.',
  },
  PUBLICATION_NOT_DRAFT: {
    ky: 'Долбоор гана бекитилет.',
    ru: 'Утверждается только черновик.',
    en: 'Only a draft is approved.',
  },
  PUBLICATION_NOT_APPROVED: {
    ky: 'Басылма директор бекиткенден кийин жарыяланат.',
    ru: 'Публикация выходит после утверждения директором.',
    en: 'A publication goes out once the director has approved it.',
  },
  PUBLICATION_ALREADY_WITHDRAWN: {
    ky: 'Басылма мурунтан эле кайтарылып алынган.',
    ru: 'Публикация уже отозвана.',
    en: 'The publication is already withdrawn.',
  },
};
