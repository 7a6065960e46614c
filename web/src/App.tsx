import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { queryClient } from './api/queryClient';
import { session } from './lib/session';
import i18n from './i18n';
import { setDayjsLocale } from './lib/dates';
import { router } from './router';

const theme = {
  token: {
    // Party-building red, the colour these alliances use in their own materials.
    colorPrimary: '#c8102e',
    borderRadius: 6,
  },
};

setDayjsLocale(i18n.language);
i18n.on('languageChanged', setDayjsLocale);

// Signing out (or a failed refresh) must not leave another user's data in the cache.
session.subscribe(() => {
  if (!session.tokens) queryClient.clear();
});

export function App() {
  const { i18n: instance } = useTranslation();
  const language = instance.language;

  return (
    <ConfigProvider locale={language === 'en-US' ? enUS : zhCN} theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
