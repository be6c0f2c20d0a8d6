import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

export const surveysExport: ExportDefinition = {
  name: 'surveys',
  field: 'surveys',
  title: h('Сурамжылоолор', 'Анкетирования', 'Surveys'),
  columns: [
    column('surveyId', 'text', headers.id),
    column('title', 'text', headers.title),
    column('instrument.code', 'text', h('Инструменттин коду', 'Код инструмента', 'Instrument code')),
    column('instrumentVersion', 'number', h('Инструменттин версиясы', 'Версия инструмента', 'Instrument version')),
    column('targetGroupLabel', 'text', h('Максаттуу топ', 'Целевая группа', 'Target group')),
    column('unit', 'text', h('Бөлүм', 'Подразделение', 'Unit')),
    column('programme', 'text', h('Программа', 'Программа', 'Programme')),
    column('startsOn', 'date', h('Башталышы', 'Начало', 'Starts on')),
    column('endsOn', 'date', h('Аякташы', 'Окончание', 'Ends on')),
    column('statusLabel', 'text', headers.status),
    column('invitedCount', 'number', h('Чакырылгандар', 'Приглашено', 'Invited')),
    column('responseCount', 'number', h('Жооп бергендер', 'Ответили', 'Responses')),
    column('responseRate', 'number', h('Жооптордун үлүшү', 'Доля ответивших', 'Response rate')),
  ],
};
