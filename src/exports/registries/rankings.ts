import { column, h, type ExportDefinition } from '../definition.ts';
import { headers } from './common.ts';

/** The ranking organisations with the university's latest result in each and its trend. */
export const rankingsExport: ExportDefinition = {
  name: 'rankings',
  field: 'rankings',
  title: h('Рейтингдер', 'Рейтинги', 'Rankings'),
  columns: [
    column('rankingOrganisationId', 'text', headers.id),
    column('name', 'text', h('Аталышы', 'Наименование', 'Name')),
    column('shortName', 'text', h('Кыскача аталышы', 'Краткое наименование', 'Short name')),
    column('kindLabel', 'text', h('Түрү', 'Вид', 'Kind')),
    column('country', 'text', h('Өлкө', 'Страна', 'Country')),
    column('currentEdition.year', 'number', h('Учурдагы чыгарылыштын жылы', 'Год текущего выпуска', 'Current edition year')),
    column('currentEdition.submissionStatusLabel', 'text', h('Маалыматтарды тапшыруу', 'Подача данных', 'Submission')),
    column('latestResult.publishedOn', 'date', h('Жыйынтык жарыяланган күнү', 'Дата публикации результата', 'Result published on')),
    column('latestResult.rank', 'number', h('Орун', 'Место', 'Rank')),
    column('latestResult.band', 'text', h('Орундар тобу', 'Диапазон мест', 'Band')),
    column('latestResult.score', 'number', h('Балл', 'Балл', 'Score')),
    column('latestResult.rankChange', 'number', h('Орундун өзгөрүшү', 'Изменение места', 'Rank change')),
    column('latestResult.scoreChange', 'number', h('Баллдын өзгөрүшү', 'Изменение балла', 'Score change')),
    column('latestResult.trendLabel', 'text', h('Динамика', 'Динамика', 'Trend')),
  ],
};
