import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  useTranslation(); // re-render on language change
  return (
    <Segmented<Language>
      size="small"
      value={currentLanguage()}
      onChange={setLanguage}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en-US' },
      ]}
      data-testid="language-switch"
    />
  );
}
