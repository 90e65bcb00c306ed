import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileReasonNotes } from '../../domain/file-reasons.ts';
import { FileReasonCode } from '../../domain/schemas/index.ts';
import ar from '../i18n/ar.json' with { type: 'json' };
import en from '../i18n/en.json' with { type: 'json' };
import ru from '../i18n/ru.json' with { type: 'json' };
import zh from '../i18n/zh.json' with { type: 'json' };
import { fileReasonText } from './file-reason-text.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: {
      en: { translation: en },
      ar: { translation: ar },
      zh: { translation: zh },
      ru: { translation: ru },
    },
    lng: 'ar',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
});

const file = (reason: string) => ({ reason, reasonCodes: fileReasonNotes(reason) });
const UNSUPPORTED =
  'This is a binary file of an unsupported type (or text in an encoding other than UTF-8/UTF-16). Supported are PDF, Word (.docx), HTML and plain text (UTF-8 or UTF-16 with a byte-order mark): convert it to one of these.';

describe('a file’s reason in the reader’s language', () => {
  it('has words for every code in Arabic, Chinese and Russian', () => {
    for (const lng of ['ar', 'zh', 'ru'])
      for (const code of FileReasonCode.options)
        expect(i18n.exists(`fileReasons.${code}`, { lng }), `${lng} ${code}`).toBe(true);
  });

  it('words an unsupported upload, a slow file and a two-sentence note from their codes', () => {
    expect(fileReasonText(file(UNSUPPORTED), i18n.getFixedT('ar'), 'ar')).toBe(
      'هذا الملف ملف ثنائي من نوع غير مدعوم (أو نص بترميز غير UTF-8 وUTF-16). الصيغ المدعومة هي PDF وWord (.docx) وHTML والنص العادي (بترميز UTF-8، أو UTF-16 مع علامة ترتيب البايتات): حوّل الملف إلى إحدى هذه الصيغ.',
    );
    const slow = file(
      'The file took too long to process (over 120 s of processing): it may be damaged or built to be expensive to read; split it, or save it again from its source application.',
    );
    expect(fileReasonText(slow, i18n.getFixedT('zh'), 'zh')).toBe(
      '文件处理耗时过长（处理时间超过 120秒钟）：文件可能已损坏，或其结构导致读取代价过高；请拆分文件，或在原应用程序中重新保存。',
    );
    const two = file(
      'Some pages are pictures without text (pages 2, 3): they are read by OCR. The PDF has no text: its pages are blank or hold only drawings.',
    );
    expect(fileReasonText(two, i18n.getFixedT('zh'), 'zh')).toBe(
      '部分页面是不含文本的图片（第 2、3 页）：将通过光学字符识别读取。该 PDF 不含文本：其页面为空白或仅有图形。',
    );
  });

  it('shows the English of a reason without codes, or with one this build has no words for', () => {
    expect(fileReasonText({ reason: 'Something new.', reasonCodes: [] }, i18n.getFixedT('ar'), 'ar')).toBe(
      'Something new.',
    );
    expect(
      fileReasonText(
        { reason: 'Later.', reasonCodes: [{ code: 'later' as never, params: {} }] },
        i18n.getFixedT('ar'),
        'ar',
      ),
    ).toBe('Later.');
    expect(fileReasonText({ reason: null, reasonCodes: [] }, i18n.getFixedT('ar'), 'ar')).toBeNull();
  });
});
