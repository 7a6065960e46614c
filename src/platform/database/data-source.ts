import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/environment';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (migration:generate): connects as the owner. */
export default new DataSource(dataSourceOptions(loadEnvironment().DATABASE_ADMIN_URL, 2));
