// The department's own organisation: the staffing table and appointments, the acting director, tasks,
// working time with overtime and time off in lieu, and motivation proposals (1.1–1.3, 3.3–3.5, 4.3–4.5).
import type { Catalogue } from '../catalogue.ts';

export const organisationRules: Catalogue = {
  STAFFING_TABLE_ALREADY_ESTABLISHED: {
    ky: 'Штаттык жадыбал мурунтан эле түзүлгөн; анын бирдиктерин буйрук менен өзгөртүңүз.',
    ru: 'Штатное расписание уже утверждено; меняйте его ставки приказом.',
    en: 'The staffing table is already established; change its rates by order.',
  },
  DIRECTOR_RATE_FIXED: {
    ky: 'Бөлүмдө бир гана директор болот (жобонун 1.1-пункту); анын штаттык бирдиги өзгөрбөйт.',
    ru: 'В отделе ровно один директор (пункт 1.1 положения); его ставка не меняется.',
    en: 'The department has exactly one director (regulation 1.1); the director’s rate does not change.',
  },
  RATES_UNCHANGED: {
    ky: 'Бул кызмат орду үчүн штаттык бирдиктердин саны мурунтан эле ушундай.',
    ru: 'У этой должности уже такое число ставок.',
    en: 'The position already has this number of rates.',
  },
  RATES_BELOW_FILLED: {
    ky: 'Бирдиктерди ээленген же дайындоо жүрүп жаткан бирдиктерден азга кыскартууга болбойт; адегенде кызматтан бошотуңуз же сунушту четке кагыңыз.',
    ru: 'Нельзя сократить ставки ниже числа занятых или находящихся в процессе назначения; сначала освободите должность или отклоните представление.',
    en: 'Rates cannot be cut below those filled or in appointment; dismiss or decline first.',
  },
  DIRECTOR_APPOINTED_BY_RECTOR: {
    ky: 'Директор сунуш аркылуу эмес, ректордун буйругу менен дайындалат жана бошотулат.',
    ru: 'Директор назначается и освобождается приказом ректора, а не по представлению.',
    en: 'The director is appointed and dismissed by the rector’s order, not by a proposal.',
  },
  DIRECTOR_POSITION_FILLED: {
    ky: 'Директордун кызмат орду ээленген; адегенде учурдагы директорду буйрук менен бошотуңуз.',
    ru: 'Должность директора занята; сначала освободите нынешнего директора приказом.',
    en: 'The director’s position is filled; dismiss the current director by order first.',
  },
  DIRECTOR_POSITION_VACANT: {
    ky: 'Директордун кызмат орду бош; бошотула турган эч ким жок.',
    ru: 'Должность директора вакантна; освобождать некого.',
    en: 'The director’s position is vacant; there is nobody to dismiss.',
  },
  CASE_ALREADY_EXISTS: {
    ky: 'Мындай идентификатору бар кадрдык сунуш мурунтан эле бар.',
    ru: 'Кадровое представление с таким идентификатором уже существует.',
    en: 'A staffing case with this id already exists.',
  },
  CASE_NOT_FOUND: {
    ky: 'Мындай идентификатору бар кадрдык сунуш жок.',
    ru: 'Кадрового представления с таким идентификатором нет.',
    en: 'No staffing case with this id exists.',
  },
  CASE_ALREADY_OPEN: {
    ky: 'Бул адам жана бул кызмат орду боюнча кадрдык сунуш мурунтан эле каралууда.',
    ru: 'По этому человеку и этой должности уже есть открытое кадровое представление.',
    en: 'A staffing case for this person and position is already open.',
  },
  ALREADY_HOLDS_POSITION: {
    ky: 'Бул адам бул кызмат ордун мурунтан эле ээлейт.',
    ru: 'Этот человек уже занимает эту должность.',
    en: 'This person already holds this position.',
  },
  NOT_HOLDING_POSITION: {
    ky: 'Бул адам бул кызмат ордун ээлебейт.',
    ru: 'Этот человек не занимает эту должность.',
    en: 'This person does not hold this position.',
  },
  NO_VACANT_RATE: {
    ky: 'Бул кызмат ордунун бардык штаттык бирдиктери ээленген же аларга дайындоо жүрүп жатат.',
    ru: 'Все ставки этой должности заняты или находятся в процессе назначения.',
    en: 'All rates of this position are filled or in appointment.',
  },
  CASE_NOT_PROPOSED: {
    ky: 'Директор сунушталган кадрдык сунушка гана макулдук берет же аны четке кагат.',
    ru: 'Директор соглашается или отказывает только по внесённому представлению.',
    en: 'The director consents to or declines only a proposed case.',
  },
  DATE_BEFORE_PROPOSAL: {
    ky: 'Чечимдин күнү сунуш киргизилген күндөн мурун болушу мүмкүн эмес.',
    ru: 'Дата решения не может быть раньше даты представления.',
    en: 'The decision cannot be dated before the proposal.',
  },
  CASE_NOT_CONSENTED: {
    ky: 'Ректордун буйругу директордун макулдугунан кийин чыгат; бул сунушка али макулдук бериле элек.',
    ru: 'Приказ ректора следует за согласием директора, которого по этому представлению ещё нет.',
    en: 'The rector’s order follows the director’s consent, which this case has not had yet.',
  },
  DESIGNATION_ALREADY_EXISTS: {
    ky: 'Директордун милдетин аткаруучуну дайындоо мурунтан эле бар.',
    ru: 'Это назначение исполняющего обязанности директора уже существует.',
    en: 'This designation of an acting director already exists.',
  },
  DESIGNATION_NOT_FOUND: {
    ky: 'Мындай идентификатору бар директордун милдетин аткаруучуну дайындоо жок.',
    ru: 'Назначения исполняющего обязанности директора с таким идентификатором нет.',
    en: 'No designation of an acting director with this id exists.',
  },
  DESIGNATION_NOT_IN_FORCE: {
    ky: 'Дайындоо мурунтан эле аяктаган же кайтарылып алынган.',
    ru: 'Назначение уже окончено или отозвано.',
    en: 'The designation has already ended or been recalled.',
  },
  DESIGNATION_PERIOD_NOT_OVER: {
    ky: 'Дайындоонун мөөнөтү али бүтө элек; мөөнөтүнөн мурун токтотуу үчүн аны кайтарып алыңыз.',
    ru: 'Срок назначения ещё не истёк; чтобы прекратить его досрочно, отзовите назначение.',
    en: 'The designation’s period is not over yet; recall it to end it early.',
  },
  DESIGNATION_PERIOD_OVERLAPS: {
    ky: 'Бул күндөрү директордун милдетин башка адам аткарат; адегенде ал дайындоону кайтарып алыңыз.',
    ru: 'В эти дни обязанности директора уже исполняет другой человек; сначала отзовите то назначение.',
    en: 'Someone else acts for the director on some of these days; recall that designation first.',
  },
  TASK_ALREADY_ASSIGNED: { ky: 'Бул тапшырма мурунтан эле бар.', ru: 'Это поручение уже существует.', en: 'This task already exists.' },
  TASK_NOT_FOUND: {
    ky: 'Мындай идентификатору бар тапшырма жок.',
    ru: 'Поручения с таким идентификатором нет.',
    en: 'No task with this id exists.',
  },
  TASK_DONE: {
    ky: 'Тапшырма аткарылган; ал боюнча мындан ары эч нерсе жазылбайт.',
    ru: 'Поручение выполнено; по нему больше ничего не записывается.',
    en: 'The task is done; nothing more is recorded on it.',
  },
  TASK_ALREADY_OVERDUE: {
    ky: 'Тапшырма мурунтан эле кечиктирилген деп белгиленген.',
    ru: 'Поручение уже отмечено просроченным.',
    en: 'The task is already marked overdue.',
  },
  TASK_NOT_DUE: {
    ky: 'Тапшырманын мөөнөтү али өтө элек; ал мөөнөтү өткөндөн кийин гана кечиктирилген деп белгиленет.',
    ru: 'Срок поручения ещё не прошёл; просроченным его можно отметить только после этой даты.',
    en: 'The task is not due yet; it can be marked overdue only after its due date.',
  },
  MOTIVATION_PROPOSAL_EXISTS: {
    ky: 'Сыйлоо боюнча бул сунуш мурунтан эле бар.',
    ru: 'Это предложение о поощрении уже существует.',
    en: 'This motivation proposal already exists.',
  },
  MOTIVATION_PROPOSAL_NOT_FOUND: {
    ky: 'Мындай идентификатору бар сыйлоо боюнча сунуш жок.',
    ru: 'Предложения о поощрении с таким идентификатором нет.',
    en: 'No motivation proposal with this id exists.',
  },
  MOTIVATION_PROPOSAL_DECIDED: {
    ky: 'Сунуш боюнча чечим мурунтан эле кабыл алынган.',
    ru: 'По предложению уже принято решение.',
    en: 'The proposal has already been decided.',
  },
  DATE_BEFORE_SUBMISSION: {
    ky: 'Чечимдин күнү сунуш тапшырылган күндөн мурун болушу мүмкүн эмес.',
    ru: 'Дата решения не может быть раньше даты подачи предложения.',
    en: 'The decision cannot be dated before the proposal was submitted.',
  },
  SCHEDULE_VERSION_NOT_CURRENT: {
    ky: 'Бекитүүнү күтүп жаткан иш графигинин версиясы башка; директор койгон акыркы версияны бекитиңиз.',
    ru: 'Ожидающий утверждения график работы другой версии; утвердите последнюю версию, установленную директором.',
    en: 'This is not the version of the working schedule awaiting approval; approve the latest version the director set.',
  },
  SCHEDULE_ALREADY_APPROVED: {
    ky: 'Иш графигинин бул версиясы мурунтан эле бекитилген.',
    ru: 'Эта версия графика работы уже утверждена.',
    en: 'This version of the working schedule is already approved.',
  },
  OVERTIME_ALREADY_RECORDED: {
    ky: 'Бул ашыкча иштелген убакыт мурунтан эле жазылган.',
    ru: 'Эта сверхурочная работа уже записана.',
    en: 'This overtime is already recorded.',
  },
  OVERTIME_NOT_FOUND: {
    ky: 'Бул кызматкердин мындай идентификатору бар жазылган ашыкча иштелген убактысы жок.',
    ru: 'У этого сотрудника нет записанной сверхурочной работы с таким идентификатором.',
    en: 'This person has no recorded overtime with this id.',
  },
  OVERTIME_ALREADY_APPROVED: {
    ky: 'Бул ашыкча иштелген убакыт мурунтан эле бекитилген.',
    ru: 'Эта сверхурочная работа уже одобрена.',
    en: 'This overtime is already approved.',
  },
  DATE_BEFORE_OVERTIME: {
    ky: 'Ашыкча иштелген убакыт иштелген күндөн мурун бекитилиши мүмкүн эмес.',
    ru: 'Сверхурочная работа не может быть одобрена раньше дня, когда она выполнена.',
    en: 'Overtime cannot be approved before the day it was worked.',
  },
  TIME_OFF_ALREADY_GRANTED: {
    ky: 'Бул эс алуу убактысы мурунтан эле берилген.',
    ru: 'Этот отгул уже предоставлен.',
    en: 'This time off is already granted.',
  },
  TIME_OFF_EXCEEDS_BALANCE: {
    ky: 'Эс алуу убактысы бекитилген ашыкча иштелген сааттардын калдыгынан ашат.',
    ru: 'Отгул превышает остаток одобренных сверхурочных часов.',
    en: 'The time off exceeds the balance of approved overtime hours.',
  },
  TIME_OFF_NOT_FOUND: {
    ky: 'Бул кызматкерге мындай идентификатору бар эс алуу убактысы берилген эмес.',
    ru: 'Этому сотруднику не предоставлялся отгул с таким идентификатором.',
    en: 'This person has no granted time off with this id.',
  },
  TIME_OFF_ALREADY_TAKEN: {
    ky: 'Бул эс алуу убактысы мурунтан эле пайдаланылган.',
    ru: 'Этот отгул уже использован.',
    en: 'This time off is already taken.',
  },
};
