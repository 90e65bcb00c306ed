import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

const SAMPLES: Record<string, string> = {
  en: 'States should cooperate in developing and applying measures to increase stability and security in the use of information and communications technologies.',
  fr: "Les États devraient coopérer à l'élaboration et à l'application de mesures visant à accroître la stabilité et la sécurité dans l'utilisation des technologies de l'information.",
  es: 'Los Estados deberían cooperar en la elaboración y aplicación de medidas para aumentar la estabilidad y la seguridad en el uso de las tecnologías de la información.',
  ru: 'Государствам следует сотрудничать в разработке и применении мер по повышению стабильности и безопасности в использовании информационно-коммуникационных технологий.',
  zh: '各国应合作制定和采取措施，加强信息和通信技术使用的稳定性与安全性。',
  ar: 'ينبغي للدول أن تتعاون في وضع وتطبيق التدابير الرامية إلى زيادة الاستقرار والأمن في استخدام تكنولوجيا المعلومات والاتصالات.',
};

describe('detectLanguage', () => {
  it.each(Object.entries(SAMPLES))('detects %s', (code, text) => {
    expect(detectLanguage(text)).toBe(code);
    expect(detectLanguage(text, { fileLanguage: 'en' })).toBe(code);
  });

  it('says null when the text is too short to tell', () => {
    expect(detectLanguage('Annex 2')).toBeNull();
    expect(detectLanguage('')).toBeNull();
    expect(detectLanguage('12 / 40')).toBeNull();
  });

  it('decides CJK and Arabic by script even when short', () => {
    expect(detectLanguage('网络安全')).toBe('zh');
    expect(detectLanguage('الأمن السيبراني')).toBe('ar');
  });
});
