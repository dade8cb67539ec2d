import { render } from 'preact';
import { App } from './ui/App.tsx';
import { openRepositoryEarly } from './ui/shell/useRepository.ts';
import './ui/styles.css';

openRepositoryEarly();
render(<App />, document.getElementById('app')!);
