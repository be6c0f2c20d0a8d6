// The hub's own refusals, the same for every module: not found, changed meanwhile, the store out of
// reach, a read model behind or stopped, and the codes of GraphQL errors outside the typed results.
import type { Catalogue } from './catalogue.ts';

export const generalSentences: Catalogue = {
  NOT_FOUND: { ky: 'Табылган жок: {entity} {id}.', ru: 'Не найдено: {entity} {id}.', en: 'Not found: {entity} {id}.' },
  CONFLICT: {
    ky: 'Бул жазууну сизден мурун башка бирөө өзгөрттү; аны кайра окуп, кайра чечиңиз. Эч нерсе сакталган жок.',
    ru: 'Эту запись кто-то изменил раньше вас; прочитайте её заново и решите снова. Ничего не сохранено.',
    en: 'Someone changed this record first; read it again and decide again. Nothing was stored.',
  },
  UNAVAILABLE: {
    ky: 'Окуялар кампасы азыр жеткиликсиз; эч нерсе сакталган жок, буйрукту кайра жөнөтүңүз.',
    ru: 'Хранилище событий сейчас недоступно; ничего не сохранено, отправьте команду ещё раз.',
    en: 'The event store cannot be reached right now; nothing was stored, send the command again.',
  },
  READ_MODEL_LAG: {
    ky: 'Буйрук сакталды (позиция {position}), бирок окуу модели аны күтүү убактысында көрсөтө элек; бир аздан кийин кайра сураңыз.',
    ru: 'Команда сохранена (позиция {position}), но модель чтения ещё не успела её отразить; повторите запрос немного позже.',
    en: 'The command was stored (position {position}), but the read model has not shown it yet; query again shortly.',
  },
  READ_MODEL_STOPPED: {
    ky: 'Буйрук сакталды (позиция {position}), бирок окуу модели ({readModels}) токтоп калды жана оператор оңдогонго чейин аны көрсөтпөйт; буйрукту кайра жөнөтпөңүз.',
    ru: 'Команда сохранена (позиция {position}), но модель чтения ({readModels}) остановилась и не покажет её, пока оператор её не исправит; не отправляйте команду повторно.',
    en: 'The command was stored (position {position}), but the read model ({readModels}) has stopped and will not show it until an operator repairs it; do not send the command again.',
  },
  // Codes of GraphQL errors (extensions.code) that are not typed results.
  UNAUTHENTICATED: {
    ky: 'Адегенде системага кириңиз: бул талаа үчүн колдонуучу аныкталышы керек (Authorization: Bearer <token> башаты).',
    ru: 'Сначала войдите в систему: для этого поля нужен вошедший пользователь (заголовок Authorization: Bearer <token>).',
    en: 'Sign in first: this field needs a signed-in caller (an Authorization: Bearer <token> header).',
  },
  FORBIDDEN_FIELD: {
    ky: '{field} талаасы сиздин ролдоруңуз үчүн ачык эмес ({held}).',
    ru: 'Поле {field} недоступно для ваших ролей ({held}).',
    en: '{field} is not open to your roles ({held}).',
  },
  BAD_USER_INPUT: {
    ky: '«{argument}» аргументинин мааниси туура эмес.',
    ru: 'Недопустимое значение аргумента «{argument}».',
    en: 'The value of the argument “{argument}” is not valid.',
  },
  SUBSCRIBER_TOO_SLOW: {
    ky: 'Жазылуу өзгөрүүлөрдөн өтө артта калгандыктан токтотулду; акыркы алынган позициядан баштап кайра окуңуз.',
    ru: 'Подписка слишком отстала от изменений и была завершена; перечитайте изменения с последней полученной позиции.',
    en: 'The subscription fell too far behind the changes and was ended; read again from the last position received.',
  },
  LOG_NOT_INTACT: {
    ky: 'Окуялар журналынын бүтүндүгү бузулган; текшерүү жыйынтыгын аудиторго көрсөтүңүз.',
    ru: 'Целостность журнала событий нарушена; покажите результат проверки аудитору.',
    en: 'The event log is not intact; show the result of the check to an auditor.',
  },
};

/** What a NotFoundError names, as a person reads it; an entity missing here is named in English. */
export const entityNames: Catalogue = {
  'accreditation case': { ky: 'аккредитация иши', ru: 'дело об аккредитации', en: 'accreditation case' },
  agency: { ky: 'агенттик', ru: 'агентство', en: 'agency' },
  'corrective action': { ky: 'оңдоо иш-чарасы', ru: 'корректирующее мероприятие', en: 'corrective action' },
  'education standard': { ky: 'билим берүү стандарты', ru: 'образовательный стандарт', en: 'education standard' },
  'evidence document': { ky: 'далил документ', ru: 'документ-доказательство', en: 'evidence document' },
  indicator: { ky: 'көрсөткүч', ru: 'показатель', en: 'indicator' },
  licence: { ky: 'лицензия', ru: 'лицензия', en: 'licence' },
  monitoring: { ky: 'мониторинг', ru: 'мониторинг', en: 'monitoring' },
  'monitoring finding': { ky: 'мониторингде аныкталган маселе', ru: 'замечание мониторинга', en: 'monitoring finding' },
  'normative document': { ky: 'ченемдик документ', ru: 'нормативный документ', en: 'normative document' },
  proposal: { ky: 'сунуш', ru: 'предложение', en: 'proposal' },
  'quality development plan': { ky: 'сапатты өнүктүрүү планы', ru: 'план развития качества', en: 'quality development plan' },
  'quality policy': { ky: 'сапат саясаты', ru: 'политика в области качества', en: 'quality policy' },
  'quality standard': { ky: 'сапат стандарты', ru: 'стандарт качества', en: 'quality standard' },
  'rating campaign': { ky: 'рейтинг өнөктүгү', ru: 'рейтинговая кампания', en: 'rating campaign' },
  'rating entry': { ky: 'рейтинг барагы', ru: 'рейтинговая анкета', en: 'rating entry' },
  'strategic goal': { ky: 'стратегиялык максат', ru: 'стратегическая цель', en: 'strategic goal' },
  'strategic plan': { ky: 'стратегиялык план', ru: 'стратегический план', en: 'strategic plan' },
  'SWOT analysis': { ky: 'SWOT-талдоо', ru: 'SWOT-анализ', en: 'SWOT analysis' },
  webhook: { ky: 'вебхук', ru: 'вебхук', en: 'webhook' },
  'acting director designation': {
    ky: 'директордун милдетин аткаруучуну дайындоо',
    ru: 'назначение исполняющего обязанности директора',
    en: 'acting director designation',
  },
  'analytical report': { ky: 'аналитикалык отчёт', ru: 'аналитический отчёт', en: 'analytical report' },
  'assessment instrument': { ky: 'баалоо куралы', ru: 'инструмент оценки', en: 'assessment instrument' },
  'cooperation plan': { ky: 'кызматташуу планы', ru: 'план сотрудничества', en: 'cooperation plan' },
  'data request': { ky: 'маалымат суроо-талабы', ru: 'запрос данных', en: 'data request' },
  meeting: { ky: 'жыйын', ru: 'совещание', en: 'meeting' },
  'motivation proposal': { ky: 'сыйлоо боюнча сунуш', ru: 'предложение о поощрении', en: 'motivation proposal' },
  publication: { ky: 'басылма', ru: 'публикация', en: 'publication' },
  'ranking edition': { ky: 'рейтингдин чыгарылышы', ru: 'выпуск рейтинга', en: 'ranking edition' },
  'ranking organisation': { ky: 'рейтинг уюму', ru: 'рейтинговая организация', en: 'ranking organisation' },
  'staffing table': { ky: 'штаттык жадыбал', ru: 'штатное расписание', en: 'staffing table' },
  'strategy indicator': { ky: 'стратегиянын көрсөткүчү', ru: 'показатель стратегии', en: 'strategy indicator' },
  'survey round': { ky: 'сурамжылоо айлампасы', ru: 'раунд опроса', en: 'survey round' },
  task: { ky: 'тапшырма', ru: 'поручение', en: 'task' },
  'time-off account': { ky: 'эс алуу убактысынын эсеби', ru: 'учёт отгулов', en: 'time-off account' },
  'UMO session': { ky: 'ОМБ отуруму', ru: 'заседание УМО', en: 'UMO session' },
  'working schedule': { ky: 'иш графиги', ru: 'график работы', en: 'working schedule' },
};
