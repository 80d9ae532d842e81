#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { buildApp } from '../lib/build-app';

// Context (cdk.json holds a sample env; override with -c key=value): see docs/aws-deployment.md
buildApp(new App());
