// International rankings: the organisations and agreements, each edition's data and result, and the
// plan of cooperation with the ranking organisations (2.1 item 15).
import type { Catalogue } from '../catalogue.ts';

export const rankingRules: Catalogue = {
  RANKING_ORGANISATION_ALREADY_REGISTERED: {
    ky: 'Бул рейтинг уюму мурунтан эле катталган.',
    ru: 'Эта рейтинговая организация уже зарегистрирована.',
    en: 'This ranking organisation is already registered.',
  },
  RANKING_ORGANISATION_NOT_FOUND: {
    ky: 'Мындай идентификатору бар рейтинг уюму жок.',
    ru: 'Рейтинговой организации с таким идентификатором нет.',
    en: 'No ranking organisation with this id exists.',
  },
  RANKING_AGREEMENT_NUMBER_TAKEN: {
    ky: 'Бул уюм менен ушундай номердеги келишим мурунтан эле бар.',
    ru: 'Соглашение с таким номером с этой организацией уже существует.',
    en: 'An agreement with this number already exists with this organisation.',
  },
  RANKING_AGREEMENT_NOT_IN_FORCE: {
    ky: 'Бул келишим бүгүн күчүндө эмес: ага таянып пландоого болбойт.',
    ru: 'Это соглашение сегодня не действует: план на него опираться не может.',
    en: 'The agreement is not in force today, so a plan cannot rest on it.',
  },
  RANKING_EDITION_YEAR_TAKEN: {
    ky: 'Бул уюмдун ушул жылга чыгарылышы мурунтан эле жарыяланган.',
    ru: 'У этой организации выпуск на этот год уже объявлен.',
    en: 'The organisation already has an edition for that year.',
  },
  RANKING_AGREEMENT_NOT_FOUND: {
    ky: 'Бул уюм менен ушундай номердеги келишим жок.',
    ru: 'Соглашения с таким номером с этой организацией нет.',
    en: 'There is no agreement with this number with this organisation.',
  },
  RANKING_AGREEMENT_ALREADY_ENDED: {
    ky: 'Келишим мурунтан эле токтотулган.',
    ru: 'Соглашение уже прекращено.',
    en: 'The agreement has already ended.',
  },
  RANKING_AGREEMENT_ENDED_BEFORE_SIGNED: {
    ky: 'Келишим кол коюлган күндөн мурун токтотулушу мүмкүн эмес.',
    ru: 'Соглашение не может быть прекращено раньше даты его подписания.',
    en: 'An agreement cannot end before the day it was signed.',
  },
  RANKING_AGREEMENT_ALREADY_EXPIRED: {
    ky: 'Келишимдин мөөнөтү бул күнгө чейин эле бүткөн; аны токтотуунун кереги жок.',
    ru: 'Срок действия соглашения истёк раньше этой даты; прекращать его не нужно.',
    en: 'The agreement’s term ran out before this date; it needs no ending.',
  },
  RANKING_EDITION_ALREADY_ANNOUNCED: {
    ky: 'Рейтингдин бул чыгарылышы мурунтан эле бар.',
    ru: 'Этот выпуск рейтинга уже существует.',
    en: 'This ranking edition already exists.',
  },
  RANKING_EDITION_NOT_FOUND: {
    ky: 'Мындай идентификатору бар рейтинг чыгарылышы жок.',
    ru: 'Выпуска рейтинга с таким идентификатором нет.',
    en: 'No ranking edition with this id exists.',
  },
  RANKING_INDICATOR_NOT_IN_EDITION: {
    ky: 'Бул чыгарылыштын көрсөткүчтөр тизмесинде мындай коду бар көрсөткүч жок.',
    ru: 'В перечне показателей этого выпуска нет показателя с таким кодом.',
    en: 'The edition’s list of indicators has no indicator with this code.',
  },
  RANKING_INDICATOR_NOT_SUBMITTED: {
    ky: 'Рейтинг бул көрсөткүчтү өз булактарынан алат; университет ага маалымат тапшырбайт.',
    ru: 'Этот показатель рейтинг берёт из собственных источников; университет данные по нему не подаёт.',
    en: 'The ranking takes this indicator from its own sources; the university submits no value for it.',
  },
  RANKING_SUBMISSION_ALREADY_APPROVED: {
    ky: 'Маалыматтар топтому бекитилген; анын маанилери мындан ары өзгөрбөйт.',
    ru: 'Набор данных утверждён; его значения больше не меняются.',
    en: 'The data set has been approved; its values no longer change.',
  },
  RANKING_VALUE_NOT_RECORDED: {
    ky: 'Бул көрсөткүч боюнча маани али жазыла элек.',
    ru: 'Значение по этому показателю ещё не записано.',
    en: 'No value has been recorded for this indicator yet.',
  },
  RANKING_VALUE_VERIFIED_BY_RECORDER: {
    ky: 'Эч ким өзү жазган маанини өзү текшере албайт.',
    ru: 'Никто не может проверять значение, которое записал сам.',
    en: 'Nobody may verify a value they recorded themselves.',
  },
  RANKING_VALUE_ALREADY_RETURNED: {
    ky: 'Бул көрсөткүчтүн мааниси мурунтан эле оңдоого кайтарылган.',
    ru: 'Значение этого показателя уже возвращено на исправление.',
    en: 'The value of this indicator has already been returned.',
  },
  RANKING_EDITION_NEEDS_NO_SUBMISSION: {
    ky: 'Рейтинг бардык көрсөткүчтөрдү өз булактарынан алат; тапшыра турган эч нерсе жок.',
    ru: 'Рейтинг берёт все показатели из собственных источников; подавать нечего.',
    en: 'The ranking takes every indicator from its own sources; there is nothing to submit.',
  },
  RANKING_VALUES_NOT_VERIFIED: {
    ky: 'Тапшырыла турган ар бир көрсөткүчтүн мааниси адегенде текшерилиши керек.',
    ru: 'Сначала должно быть проверено значение каждого подаваемого показателя.',
    en: 'The value of every indicator to be submitted must be verified first.',
  },
  RANKING_SUBMISSION_NOT_APPROVED: {
    ky: 'Маалыматтар топтомун жөнөтүүдөн мурун директор аны бекитет.',
    ru: 'Перед отправкой набор данных утверждает директор.',
    en: 'The director approves the data set before it is sent.',
  },
  RANKING_DATA_ALREADY_SUBMITTED: {
    ky: 'Маалыматтар топтому мурунтан эле жөнөтүлгөн.',
    ru: 'Набор данных уже отправлен.',
    en: 'The data set has already been sent.',
  },
  RANKING_SUBMITTED_BEFORE_APPROVAL: {
    ky: 'Маалыматтар топтому бекитилген күндөн мурун жөнөтүлүшү мүмкүн эмес.',
    ru: 'Набор данных не может быть отправлен раньше даты его утверждения.',
    en: 'The data set cannot be sent before the day it was approved.',
  },
  RANKING_DATA_NOT_SUBMITTED: {
    ky: 'Жөнөтүлгөн маалыматтар топтомунун гана кабыл алынганын белгилөөгө болот.',
    ru: 'Подтверждение получения записывается только для отправленного набора данных.',
    en: 'Only a data set that was sent can be acknowledged.',
  },
  RANKING_SUBMISSION_ALREADY_ACKNOWLEDGED: {
    ky: 'Уюмдун маалыматты алганы тууралуу ырастоосу мурунтан эле жазылган.',
    ru: 'Подтверждение получения от организации уже записано.',
    en: 'The organisation’s acknowledgement is already recorded.',
  },
  RANKING_ACKNOWLEDGED_BEFORE_SUBMITTED: {
    ky: 'Маалыматтын алынганы ал жөнөтүлгөн күндөн мурун ырасталышы мүмкүн эмес.',
    ru: 'Получение не может быть подтверждено раньше даты отправки данных.',
    en: 'Receipt cannot be acknowledged before the day the data set was sent.',
  },
  RANKING_RESULT_ALREADY_RECORDED: {
    ky: 'Бул чыгарылыштын жыйынтыгы мурунтан эле жазылган; ката болсо, аны оңдоңуз (correctRankingResult).',
    ru: 'Результат этого выпуска уже записан; если в нём ошибка, исправьте его (correctRankingResult).',
    en: 'The edition’s result is already recorded; if it is wrong, correct it (correctRankingResult).',
  },
  RANKING_RESULT_TO_CORRECT_NOT_RECORDED: {
    ky: 'Жазылган жыйынтык гана оңдолот; адегенде жыйынтыкты жазыңыз.',
    ru: 'Исправить можно только записанный результат; сначала запишите результат.',
    en: 'Only a recorded result can be corrected; record the result first.',
  },
  RANKING_RESULT_NOT_RECORDED: {
    ky: 'Жакшыртуу чаралары жазылган жыйынтыктын негизинде белгиленет; адегенде жыйынтыкты жазыңыз.',
    ru: 'Меры по улучшению принимаются по записанному результату; сначала запишите результат.',
    en: 'Improvement measures are decided on a recorded result; record the result first.',
  },
  RANKING_MEASURE_CODE_TAKEN: {
    ky: 'Бул чыгарылышта ушундай коду бар чара мурунтан эле бар.',
    ru: 'В этом выпуске уже есть мера с таким кодом.',
    en: 'The edition already has a measure with this code.',
  },
  RANKING_MEASURE_DUE_BEFORE_DECIDED: {
    ky: 'Чаранын аткарылуу мөөнөтү ал кабыл алынган күндөн мурун болушу мүмкүн эмес.',
    ru: 'Срок выполнения меры не может быть раньше даты её принятия.',
    en: 'A measure’s due date cannot be before the day it was decided.',
  },
  RANKING_COOPERATION_PLAN_ALREADY_DRAFTED: {
    ky: 'Бул кызматташуу планы мурунтан эле бар.',
    ru: 'Этот план сотрудничества уже существует.',
    en: 'This cooperation plan already exists.',
  },
  RANKING_COOPERATION_PLAN_NOT_FOUND: {
    ky: 'Мындай идентификатору бар кызматташуу планы жок.',
    ru: 'Плана сотрудничества с таким идентификатором нет.',
    en: 'No cooperation plan with this id exists.',
  },
  RANKING_ACTIVITY_CODE_TAKEN: {
    ky: 'Планда ушундай коду бар иш-чара мурунтан эле бар.',
    ru: 'В плане уже есть мероприятие с таким кодом.',
    en: 'The plan already has an activity with this code.',
  },
  RANKING_COOPERATION_PLAN_ALREADY_ADOPTED: {
    ky: 'Кызматташуу планы мурунтан эле кабыл алынган.',
    ru: 'План сотрудничества уже принят.',
    en: 'The cooperation plan has already been adopted.',
  },
  RANKING_COOPERATION_PLAN_WITHOUT_ACTIVITIES: {
    ky: 'План жок дегенде бир иш-чара менен кабыл алынат.',
    ru: 'План принимается как минимум с одним мероприятием.',
    en: 'A plan is adopted with at least one activity.',
  },
  RANKING_COOPERATION_PLAN_NOT_ADOPTED: {
    ky: 'Иш-чаралар директор планды кабыл алгандан кийин аткарылат.',
    ru: 'Мероприятия выполняются после того, как директор принял план.',
    en: 'Activities are carried out once the director has adopted the plan.',
  },
  RANKING_ACTIVITY_NOT_IN_PLAN: {
    ky: 'Планда мындай коду бар иш-чара жок.',
    ru: 'В плане нет мероприятия с таким кодом.',
    en: 'The plan has no activity with this code.',
  },
  RANKING_ACTIVITY_NOT_PLANNED: {
    ky: 'Иш-чара мурунтан эле аткарылган же жокко чыгарылган.',
    ru: 'Мероприятие уже выполнено или отменено.',
    en: 'The activity is no longer planned: it is already done or cancelled.',
  },
  RANKING_ACTIVITY_ALREADY_OVERDUE: {
    ky: 'Иш-чара мурунтан эле кечиктирилген деп белгиленген.',
    ru: 'Мероприятие уже отмечено просроченным.',
    en: 'The activity is already marked overdue.',
  },
  RANKING_ACTIVITY_NOT_DUE: {
    ky: 'Иш-чаранын мөөнөтү али өтө элек; ал мөөнөтү өткөндөн кийин гана кечиктирилген деп белгиленет.',
    ru: 'Срок мероприятия ещё не прошёл; просроченным его можно отметить только после этой даты.',
    en: 'The activity is not due yet; it can be marked overdue only after its due date.',
  },
};
