// Rules several modules share (dates in order, corrective actions, recommendations, webhooks), said
// generally enough to fit each module that throws them.
import type { Catalogue } from '../catalogue.ts';

export const commonRules: Catalogue = {
  DATE_BEFORE_PREVIOUS_STEP: {
    ky: 'Бул күн мурунку жазылган кадамдын күнүнөн мурун болушу мүмкүн эмес.',
    ru: 'Дата не может быть раньше даты предыдущего записанного шага.',
    en: 'The date cannot be before the date of the previous step recorded.',
  },
  DATE_IN_FUTURE: {
    ky: 'Бул күн бүгүнкү күндөн кийин; кадамды ал болгондон кийин жазыңыз.',
    ru: 'Дата позже сегодняшней; запишите шаг, когда он состоится.',
    en: 'The date is after today; record the step once it has happened.',
  },
  UNKNOWN_CRITERION: {
    ky: 'Мындай критерий бул жерде колдонулган критерийлердин арасында жок.',
    ru: 'Такого критерия нет среди критериев, которые здесь применяются.',
    en: 'The criterion is not among the criteria that apply here.',
  },
  ACTION_NOT_PLANNED: {
    ky: 'Бул кадам үчүн пландалган оңдоо иш-чарасы керек; адегенде аны пландаңыз.',
    ru: 'Для этого шага нужно запланированное корректирующее мероприятие; сначала запланируйте его.',
    en: 'This step needs a planned corrective action; plan one first.',
  },
  ACTION_NOT_DUE: {
    ky: 'Иш-чаранын мөөнөтү али келе элек; ал мөөнөтү өткөндөн кийин гана кечиктирилген деп белгиленет.',
    ru: 'Срок мероприятия ещё не наступил; просроченным его можно отметить только после этой даты.',
    en: 'The action is not due yet; it can be marked overdue only after its due date.',
  },
  ACTION_NOT_OPEN: {
    ky: 'Пландалган же башталган иш-чараны гана аткарылды, жокко чыгарылды же кечиктирилди деп белгилөөгө болот.',
    ru: 'Отметить выполненным, отменённым или просроченным можно только запланированное или начатое мероприятие.',
    en: 'Only a planned or started action can be completed, cancelled or marked overdue.',
  },
  RECOMMENDATIONS_OPEN: {
    ky: 'Айрым сунуштамалар али жабыла элек; адегенде аларды жабыңыз.',
    ru: 'Некоторые рекомендации ещё открыты; сначала закройте их.',
    en: 'Some recommendations are still open; close them first.',
  },
  WEBHOOK_ALREADY_REGISTERED: { ky: 'Бул вебхук мурунтан эле катталган.', ru: 'Этот вебхук уже зарегистрирован.', en: 'This webhook is already registered.' },
  WEBHOOK_NOT_YOURS: {
    ky: 'Интеграция өзү каттаган вебхуктарды гана башкара алат.',
    ru: 'Интеграция может управлять только зарегистрированными ею вебхуками.',
    en: 'An integration may only manage the webhooks it registered.',
  },
  WEBHOOK_ALREADY_PAUSED: { ky: 'Вебхук мурунтан эле тындырылган.', ru: 'Вебхук уже приостановлен.', en: 'The webhook is already paused.' },
  WEBHOOK_NOT_PAUSED: {
    ky: 'Тындырылган вебхукту гана кайра улантууга болот.',
    ru: 'Возобновить можно только приостановленный вебхук.',
    en: 'Only a paused webhook can be resumed.',
  },
};
