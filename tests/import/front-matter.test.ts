/** The front of a report: title (agency, year), the statistics period and contact the preamble states. */
import { describe, expect, it } from 'vitest';
import { findTitle, statedContact, statedPeriod } from '../../src/import/front-matter.ts';
import { sourceLines } from '../../src/import/source.ts';

const title = (text: string) => {
  const found = findTitle(sourceLines(text));
  return found && { agency: found.agency, year: found.year };
};

describe('findTitle', () => {
  it.each([
    ['自治区科技厅2021年政府信息公开年度报告', '自治区科技厅', 2021],
    ['南宁市人民政府办公室2022年政府信息公开工作年度报告', '南宁市人民政府办公室', 2022],
    ['XX县人民政府关于2020年度政府信息公开工作年度报告', 'XX县人民政府', 2020],
    ['2023年度自治区财政厅政府信息公开工作年度报告', '自治区财政厅', 2023],
    ['《某某局 2021 年政务公开工作年度报告》', '某某局', 2021],
  ])('%s', (text, agency, year) => expect(title(text)).toEqual({ agency, year }));

  it('skips page furniture before it, and joins a title broken over two lines', () => {
    expect(title('首页 > 信息公开\n\n自治区科技厅2021年政府信息公开年度报告')).toEqual({
      agency: '自治区科技厅',
      year: 2021,
    });
    expect(title('自治区科技厅\n2021年政府信息公开工作年度报告')).toEqual({
      agency: '自治区科技厅',
      year: 2021,
    });
    expect(title('首页 > 信息公开\n2021年政府信息公开工作年度报告')).toEqual({ agency: '', year: 2021 });
  });

  it('does not take running text for a title', () => {
    expect(
      title(
        '本报告是根据《条例》编制的2021年政府信息公开工作年度报告，统计期限为全年，电子版可在网站下载查阅，如有疑问请联系办公室。',
      ),
    ).toBeNull();
    expect(title('一、总体情况')).toBeNull();
  });
});

describe('statedPeriod', () => {
  it.each([
    ['统计期限为2021年1月1日至2021年12月31日。', { start: '2021-01-01', end: '2021-12-31' }],
    ['统计期限自2022年1月1日起至12月31日止。', { start: '2022-01-01', end: '2022-12-31' }],
    ['数据统计时间为２０２０年１月１日—２０２０年１２月３１日', { start: '2020-01-01', end: '2020-12-31' }],
  ])('%s', (text, period) => expect(statedPeriod(text)).toEqual(period));

  it('is null when not stated or not a real date', () => {
    expect(statedPeriod('本报告由办公室编制。')).toBeNull();
    expect(statedPeriod('统计期限为2021年1月1日至2021年13月31日')).toBeNull();
  });
});

describe('statedContact', () => {
  it('reads address, postcode, phone, e-mail and website as written', () => {
    expect(
      statedContact(
        '可在XX市人民政府门户网站（www.xx.gov.cn）查阅。联系地址：XX市人民路1号，邮政编码：530000，咨询电话：0771-1234567，电子邮箱：xx@163.com。',
      ),
    ).toEqual({
      address: 'XX市人民路1号',
      postcode: '530000',
      phone: '0771-1234567',
      email: 'xx@163.com',
      website: 'www.xx.gov.cn',
    });
    expect(statedContact('无联系方式')).toEqual({
      address: '',
      postcode: '',
      phone: '',
      email: '',
      website: '',
    });
  });
});
