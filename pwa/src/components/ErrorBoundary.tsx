/** Shows a plain message instead of a blank screen if a screen fails to render. */
import { Component, type ComponentChildren } from 'preact';
import { t } from '../i18n/index.ts';

export class ErrorBoundary extends Component<{ children: ComponentChildren }, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? (
      <p class="error-message" role="alert">
        {t.value.app.crashed}
      </p>
    ) : (
      this.props.children
    );
  }
}
