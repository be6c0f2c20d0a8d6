// Headers that several registries share, written once.
import { h } from '../definition.ts';

export const headers = {
  id: h('Идентификатор', 'Идентификатор', 'Identifier'),
  status: h('Абалы', 'Статус', 'Status'),
  title: h('Аталышы', 'Наименование', 'Title'),
  code: h('Коду', 'Код', 'Code'),
  faculty: h('Факультет', 'Факультет', 'Faculty'),
  programmeCode: h('Программанын коду', 'Код программы', 'Programme code'),
  programmeName: h('Программанын аталышы', 'Наименование программы', 'Programme name'),
  level: h('Деңгээли', 'Уровень', 'Level'),
  validUntil: h('Күчүндө болгон мөөнөтү', 'Действует до', 'Valid until'),
  ownerUnit: h('Жооптуу бөлүм', 'Ответственное подразделение', 'Responsible unit'),
  updatedAt: h('Акыркы өзгөртүү', 'Последнее изменение', 'Last changed'),
};
